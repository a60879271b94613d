import { View } from '@tarojs/components';

import type { AttachmentChecklist as Checklist } from '@titletrack/shared/domain';
import { isolate } from '@titletrack/shared/locales';

import { useIsRtl, useT } from '../../locales';
import { pressable } from '../a11y';
import './attachment-checklist.scss';

export interface AttachmentChecklistProps {
  checklist: Checklist;
  tickedKeys: readonly string[];
  onTick: (key: string, isDone: boolean) => void;
  error?: string | null;
}

const classPrefix = 'tt-checklist';

// R5–R8: each attachment with a box the applicant ticks once it is ready; the ticks are kept on
// the server, so the phone and the office computer show the same list.
export function AttachmentChecklist({
  checklist,
  tickedKeys,
  onTick,
  error = null,
}: AttachmentChecklistProps): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const ticked = new Set(tickedKeys);
  const done = checklist.attachments.filter((item) => ticked.has(item.key)).length;
  return (
    <View className={classPrefix} id="checklist">
      <View className={`${classPrefix}__title`}>
        {t('guide.checklist.title', { done, total: checklist.attachments.length })}
      </View>
      {checklist.attachments.map((item) => {
        const { key } = item;
        const isDone = ticked.has(key);
        const name = t(`attachment.${item.kind}`);
        return (
          <View
            key={key}
            className={`${classPrefix}__item${isDone ? ` ${classPrefix}__item--done` : ''}`}
            id={`tick-${key.replace(/[^a-z0-9_-]/gi, '-')}`}
            data-key={key}
            aria-checked={isDone}
            {...pressable('checkbox', () => onTick(key, !isDone))}
          >
            <View className={`${classPrefix}__box`}>{isDone ? '✓' : ''}</View>
            <View className={`${classPrefix}__name`}>
              {item.year === null ? name : t('attachment.withYear', { name, year: item.year })}
              <View className={`${classPrefix}__source`}>
                {t(item.source === 'system' ? 'action.systemSupplied' : 'action.upload')} ·{' '}
                {isolate(item.ruleId, isRtl)}
              </View>
            </View>
          </View>
        );
      })}
      {error ? (
        <View className={`${classPrefix}__error`} id="checklist-error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}
