import type { MessageKey } from '@titletrack/shared/locales';
import { REGIONS, findRegion } from '@titletrack/shared/region';
import type { Region } from '@titletrack/shared/region';

import type { Translate } from '../locales';

// A region's name in the reader's language; the catalogue has every code of REGIONS. A code it
// does not know keeps the name the server sent (always Chinese), or the code itself.
export function regionName(t: Translate, code: string, sentName?: string): string {
  if (findRegion(code) === null) return sentName ?? code;
  return t(`region.${code}` as MessageKey);
}

// The choices of "更换地区": the prefectures first (most applicants are evaluated there), then
// the autonomous region.
export const REGION_CHOICES: readonly Region[] = [
  ...REGIONS.filter((region) => region.code !== '65'),
  ...REGIONS.filter((region) => region.code === '65'),
];
