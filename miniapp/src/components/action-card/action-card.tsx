import { View } from '@tarojs/components';

import { ACTION_KIND } from '@titletrack/shared/domain';

import { useLocale, useT, directionOf } from '../../locales';
import type { TodoItem } from '../../hooks/use-todo';
import { formatDual } from '../../utils/format-time';
import { messageValues } from '../../utils/message-values';
import { Countdown } from '../countdown';
import './action-card.scss';

export interface ActionCardProps {
  item: TodoItem;
  now: Date;
  showDetails?: boolean;
  onOpen?: () => void;
}

const classPrefix = 'tt-action';

// One to-do: what, by when (both clocks, live countdown for tasks), from which rule and notice
// section, and, for material-gathering tasks, the attachment checklist.
export function ActionCard({
  item,
  now,
  showDetails = false,
  onOpen,
}: ActionCardProps): JSX.Element {
  const t = useT();
  const isRtl = directionOf(useLocale()) === 'rtl';
  const { action, year, checklist } = item;
  const values = messageValues(t, action.data, isRtl);
  const rules = year.rules;
  return (
    <View
      className={`${classPrefix} ${classPrefix}--${action.urgency}`}
      id={`action-${action.kind}`}
      data-kind={action.kind}
      onClick={onOpen}
    >
      <View className={`${classPrefix}__head`}>
        <View className={`${classPrefix}__title`}>{t(`action.kind.${action.kind}`, values)}</View>
        <View className={`${classPrefix}__urgency`}>{t(`action.urgency.${action.urgency}`)}</View>
      </View>
      {action.deadline ? (
        <>
          <View className={`${classPrefix}__deadline`}>
            {t('action.deadline', { time: formatDual(t, action.deadline, true, isRtl) })}
          </View>
          {action.isTask ? (
            <Countdown
              className={`${classPrefix}__countdown`}
              deadline={action.deadline}
              now={now}
            />
          ) : null}
        </>
      ) : null}
      {action.kind === ACTION_KIND.REVISE_APPLICATION ? (
        <View className={`${classPrefix}__detail`}>
          {t('action.detail.submissionsLeft', {
            used: action.data.submissionsUsed,
            left: action.data.submissionsLeft,
          })}
        </View>
      ) : null}
      {action.kind === ACTION_KIND.COMPLETE_CONTINUING_EDUCATION ? (
        <View className={`${classPrefix}__detail`}>
          {t('action.detail.continuingEducation', {
            ...values,
            minHours: rules.continuingEducation.minHoursPerYear,
            minProfessional: rules.continuingEducation.minProfessionalHours,
          })}
        </View>
      ) : null}
      <View className={`${classPrefix}__rule`}>
        {t('action.rule', {
          notice: rules.noticeDocumentNumber,
          section: action.section,
          rule: action.ruleId,
        })}
      </View>
      {showDetails && checklist ? (
        <View className={`${classPrefix}__checklist`} id="checklist">
          <View className={`${classPrefix}__checklist-title`}>{t('action.checklist')}</View>
          {checklist.attachments.map((attachment) => {
            const name = t(`attachment.${attachment.kind}`);
            return (
              <View
                key={`${attachment.kind}-${attachment.year ?? ''}`}
                className={`${classPrefix}__checklist-item`}
              >
                {attachment.year === null
                  ? name
                  : t('attachment.withYear', { name, year: attachment.year })}{' '}
                · {t(attachment.source === 'system' ? 'action.systemSupplied' : 'action.upload')} (
                {attachment.ruleId})
              </View>
            );
          })}
          <View className={`${classPrefix}__detail`}>
            {t('action.detail.continuingEducationRule', {
              minHours: rules.continuingEducation.minHoursPerYear,
              minProfessional: rules.continuingEducation.minProfessionalHours,
            })}
          </View>
        </View>
      ) : null}
    </View>
  );
}
