import { GRASSROOTS_SERVICE, LEVEL_TIER } from '@titletrack/shared/domain';

import type { Translate } from '../locales';
import { isOneOf } from './closed-set';
import { formatDual } from './format-time';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
// Keys whose instant closes something: midnight reads 24:00 of the day before.
const END_KEYS = /deadline|closes|ends/i;

// The placeholders of an alert or to-do message from its JSON data: instants on both clocks,
// closed sets translated, unknowns said as such. Facts travel, sentences are made here.
export function messageValues(
  t: Translate,
  data: object,
  isRtl: boolean,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) values[key] = t('inbox.unknownDate');
    else if (typeof value === 'number') values[key] = value;
    else if (typeof value === 'boolean') continue;
    else if (key === 'tier' && isOneOf(LEVEL_TIER, value)) values[key] = t(`tier.${value}`);
    else if (key === 'service' && isOneOf(GRASSROOTS_SERVICE, value))
      values[key] = t(`service.${value}`);
    else if (typeof value === 'string' && INSTANT.test(value))
      values[key] = formatDual(t, value, END_KEYS.test(key), isRtl);
    else values[key] = String(value);
  }
  return values;
}
