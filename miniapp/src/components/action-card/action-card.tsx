import { View } from '@tarojs/components';

import { ACTION_KIND } from '@titletrack/shared/domain';

import { useIsRtl, useT } from '../../locales';
import type { TodoItem } from '../../hooks/use-todo';
import { screenUrl } from '../../utils/action-target';
import { isLastSubmission } from '../../utils/application-view';
import { formatDual } from '../../utils/format-time';
import { messageValues } from '../../utils/message-values';
import { callPhone, openPlatform, openScreen } from '../../utils/open-target';
import { pressable } from '../a11y';
import { ActionTargetLink } from '../action-target';
import { Countdown } from '../countdown';
import { RuleSource } from '../quotation';
import './action-card.scss';

export interface ActionCardProps {
  item: TodoItem;
  now: Date;
  showDetails?: boolean;
  // A tap on the card; by default it opens the to-do's target screen, if it has one.
  onOpen?: () => void;
}

const classPrefix = 'tt-action';

// One to-do: what, by when (both clocks, live countdown for tasks), from which rule and notice
// section, and where it is done (the platform, a screen, the office). The office's own steps
// read "expected by", never as the applicant's deadline.
export function ActionCard({
  item,
  now,
  showDetails = false,
  onOpen,
}: ActionCardProps): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const { action, year, checklist } = item;
  const values = messageValues(t, action.data, isRtl);
  const rules = year.rules;
  const { target, isOfficeDeadline: isOffice } = action;
  const openTargetScreen = (): void => {
    if (target.kind === 'screen') openScreen(screenUrl(target.screen, item.applicationId));
  };
  const open = onOpen ?? (target.kind === 'screen' ? openTargetScreen : undefined);
  // The whole card takes a tap, but only its title is the link for screen readers and keyboards:
  // the card holds controls of its own, and a link may not contain them.
  const titleLink = open ? { ...pressable('link', open), onClick: undefined } : {};
  return (
    <View
      className={`${classPrefix} ${classPrefix}--${isOffice ? 'info' : action.urgency}`}
      id={`action-${action.kind}`}
      data-kind={action.kind}
      data-office-deadline={isOffice ? 'true' : 'false'}
      onClick={open}
    >
      <View className={`${classPrefix}__head`}>
        <View className={`${classPrefix}__title`} {...titleLink}>
          {t(`action.kind.${action.kind}`, values)}
        </View>
        <View className={`${classPrefix}__urgency`}>
          {isOffice ? t('guide.officeStep') : t(`action.urgency.${action.urgency}`)}
        </View>
      </View>
      {action.deadline ? (
        <>
          <View className={`${classPrefix}__deadline`}>
            {isOffice
              ? t('guide.expectedBy', { time: formatDual(t, action.deadline, true, isRtl) })
              : t('action.deadline', { time: formatDual(t, action.deadline, true, isRtl) })}
          </View>
          {action.isTask && !isOffice ? (
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
      {action.kind === ACTION_KIND.REVISE_APPLICATION &&
      isLastSubmission(action.data.submissionsLeft) ? (
        <View className={`${classPrefix}__last`} id="action-last-submission" role="alert">
          {t('guide.application.lastSubmission')}
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
        <RuleSource
          notice={rules.noticeDocumentNumber}
          section={action.section}
          rule={action.ruleId}
        />
      </View>
      {showDetails && checklist ? (
        <View className={`${classPrefix}__detail`}>
          {t('action.detail.continuingEducationRule', {
            minHours: rules.continuingEducation.minHoursPerYear,
            minProfessional: rules.continuingEducation.minProfessionalHours,
          })}
        </View>
      ) : null}
      <ActionTargetLink
        target={target}
        onOpenScreen={openTargetScreen}
        onOpenPlatform={openPlatform}
        onCall={callPhone}
      />
    </View>
  );
}
