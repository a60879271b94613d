import { View } from '@tarojs/components';

import { feeAmountCny, feeDeadline, isFeePayable } from '@titletrack/shared/domain';

import { ActionTargetLink } from '../../../../components/action-target';
import { ApplicantGate } from '../../../../components/applicant-gate';
import { Countdown } from '../../../../components/countdown';
import { PageRoot } from '../../../../components/page-root';
import { RuleSource } from '../../../../components/quotation';
import { Tag } from '../../../../components/ui';
import { useApplicantScreen } from '../../../../hooks/use-applicant-screen';
import { useNow } from '../../../../hooks/use-now';
import { useIsRtl, useT } from '../../../../locales';
import { levelText } from '../../../../utils/fee-text';
import { formatDual } from '../../../../utils/format-time';
import { callPhone, openPlatform } from '../../../../utils/open-target';
import '../../applicant.scss';

export default function FeePage(): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const { progress, yearOf, gate, pageState } = useApplicantScreen();
  const now = useNow();
  return (
    <PageRoot id="fee-page" title="nav.fee" {...pageState}>
      <View className="tt-screen">
        <ApplicantGate {...gate}>
          {() =>
            progress.map(({ application, applicationNo, isDemo }) => {
              const year = yearOf(application);
              if (!year) return null;
              const amounts = year.rules.fee.amountsCny;
              const deadline = feeDeadline(year);
              const isPayableNow = isFeePayable(application.status, application.feePaid);
              return (
                <View key={application.id} className="tt-screen__card" id={`fee-${application.id}`}>
                  {isDemo ? <View className="tt-screen__demo">{t('app.demoBadge')}</View> : null}
                  <View className="tt-screen__muted">
                    {t('application.number', { no: applicationNo })}
                  </View>
                  <View className="tt-screen__big" id="fee-amount">
                    {t('fee.amount', { amount: feeAmountCny(application.level, year.rules) })}
                  </View>
                  <View className="tt-screen__line" id="fee-level">
                    {levelText(t, application.level)}
                  </View>
                  <View className="tt-screen__line" id="fee-state">
                    <Tag
                      type={application.feePaid ? 'success' : isPayableNow ? 'danger' : 'default'}
                    >
                      {application.feePaid ? t('fee.paid') : t('fee.unpaid')}
                    </Tag>{' '}
                    {!application.feePaid && !isPayableNow ? t('fee.notYet') : null}
                  </View>
                  {application.feePaid ? (
                    <View className="tt-screen__line" id="fee-done">
                      {t('guide.fee.paidNothingToDo')}
                    </View>
                  ) : null}
                  {!application.feePaid && !isPayableNow ? (
                    <View className="tt-screen__line">{t('fee.payableWhen')}</View>
                  ) : null}
                  {deadline && !application.feePaid ? (
                    <>
                      <View className="tt-screen__line" id="fee-deadline">
                        {t('fee.deadline', { time: formatDual(t, deadline, true, isRtl) })}
                      </View>
                      {isPayableNow ? (
                        <Countdown className="tt-screen__big" deadline={deadline} now={now} />
                      ) : null}
                    </>
                  ) : null}
                  {isPayableNow ? (
                    <View className="tt-screen__card tt-fee__how" id="fee-how">
                      <View>{t('fee.howToPay')}</View>
                      {year.rules.platformUrl ? (
                        <ActionTargetLink
                          target={{ kind: 'platform', url: year.rules.platformUrl }}
                          onOpenScreen={() => undefined}
                          onOpenPlatform={openPlatform}
                          onCall={callPhone}
                        />
                      ) : null}
                    </View>
                  ) : null}
                  <View className="tt-screen__line tt-screen__muted">{t('fee.noMoney')}</View>
                  <View className="tt-screen__line tt-screen__muted">
                    {t('fee.table', {
                      senior: amounts.senior,
                      intermediate: amounts.intermediate,
                      primary: amounts.primary,
                    })}
                  </View>
                  <View className="tt-screen__muted">
                    <RuleSource
                      notice={year.rules.noticeDocumentNumber}
                      section={year.rules.sections.R17}
                      rule="R17"
                    />
                  </View>
                </View>
              );
            })
          }
        </ApplicantGate>
      </View>
    </PageRoot>
  );
}
