import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import {
  APPLICATION_STATUS,
  defenceRequirement,
  revisionDeadline,
  submissionsLeft,
} from '@titletrack/shared/domain';
import { isolate } from '@titletrack/shared/locales';

import { pressable } from '../../../../components/a11y';
import { ActionCard } from '../../../../components/action-card';
import { ApplicantGate } from '../../../../components/applicant-gate';
import { Countdown } from '../../../../components/countdown';
import { PageRoot } from '../../../../components/page-root';
import { Quotation, RuleSource, ZhSentence, zhSlot } from '../../../../components/quotation';
import { StatusTimeline } from '../../../../components/status-timeline';
import { useApplicantScreen } from '../../../../hooks/use-applicant-screen';
import { useUnreadCount } from '../../../../hooks/use-inbox';
import { useNow } from '../../../../hooks/use-now';
import { todoItems } from '../../../../hooks/use-todo';
import { useIsRtl, useT } from '../../../../locales';
import { isDefenceAhead, isLastSubmission } from '../../../../utils/application-view';
import { formatDual } from '../../../../utils/format-time';
import { TickableChecklist } from '../../components/tickable-checklist';
import '../../applicant.scss';

export default function ApplicationPage(): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const { params } = useRouter();
  const { progress, yearOf, gate, pageState } = useApplicantScreen();
  const now = useNow();
  const unread = useUnreadCount();
  const [selected, setSelected] = useState<string | undefined>(params.id);
  const entry = progress.find((item) => item.application.id === selected) ?? progress[0];
  // A to-do about attachments opens this page at its checklist.
  const hasEntry = entry !== undefined;
  useEffect(() => {
    if (params.focus === 'checklist' && hasEntry)
      void Taro.pageScrollTo({ selector: '#checklist', duration: 0 }).catch(() => undefined);
  }, [params.focus, hasEntry]);

  return (
    <PageRoot
      id="application-page"
      title="nav.application"
      tab="progress"
      unread={unread}
      {...pageState}
    >
      <View className="tt-screen">
        <ApplicantGate {...gate} hasApplication={entry !== undefined}>
          {() => {
            if (!entry) return null;
            const { application } = entry;
            const year = yearOf(application);
            const isReturned =
              application.status === APPLICATION_STATUS.RETURNED && application.returnedAt !== null;
            const defence =
              year && isDefenceAhead(application.status)
                ? defenceRequirement(
                    application.level,
                    application.defence.serviceInApplicationYear,
                    year.rules,
                  )
                : null;
            const levelLabel = t(`level.${application.level}`);
            const next = todoItems([entry], now, yearOf);
            const checklist = next.find((item) => item.checklist)?.checklist ?? null;
            const left = year ? submissionsLeft(application.submissionCount, year.rules) : null;
            return (
              <>
                {progress.length > 1 ? (
                  <View className="tt-screen__tabs">
                    {progress.map((item) => (
                      <View
                        key={item.application.id}
                        className={`tt-screen__tab${item === entry ? ' tt-screen__tab--active' : ''}`}
                        aria-pressed={item === entry}
                        {...pressable('button', () => setSelected(item.application.id))}
                      >
                        {isolate(item.applicationNo, isRtl)}
                      </View>
                    ))}
                  </View>
                ) : null}
                {entry.isDemo ? (
                  <View className="tt-screen__demo" id="demo-badge">
                    {t('application.demo')} · {t('app.demoBadge')}
                  </View>
                ) : null}
                <View className="tt-screen__card" id="application-summary">
                  <View className="tt-screen__muted">
                    {t('application.number', { no: entry.applicationNo })}
                  </View>
                  <View className="tt-screen__muted">
                    <ZhSentence
                      text={t('application.applicant', { name: zhSlot('name') })}
                      zh={{ name: entry.applicantName }}
                    />
                  </View>
                  <View className="tt-screen__muted">
                    <ZhSentence
                      text={t('application.levelSeries', {
                        level: levelLabel,
                        specialty: zhSlot('specialty'),
                      })}
                      zh={{ specialty: application.specialty }}
                    />
                  </View>
                  <View className="tt-screen__line">{t('application.current')}</View>
                  <View className="tt-screen__big" id="current-status">
                    {t(`status.label.${application.status}`)}
                  </View>
                  <View className="tt-screen__line" id="status-explain">
                    {t(`status.explain.${application.status}`)}
                  </View>
                </View>
                {isReturned && year && application.returnedAt ? (
                  <View className="tt-screen__card" id="revision">
                    <View
                      className="tt-screen__title tt-return__title"
                      role="heading"
                      aria-level={2}
                    >
                      {t('guide.application.returnReason')}
                    </View>
                    {/* The office's own words, quoted as written. */}
                    {entry.returnReason ? (
                      <Quotation
                        className="tt-return__reason"
                        id="return-reason"
                        lead="notice.quoted"
                      >
                        {entry.returnReason}
                      </Quotation>
                    ) : (
                      <View className="tt-return__reason" id="return-reason">
                        {t('guide.application.noReturnReason')}
                      </View>
                    )}
                    {left !== null && isLastSubmission(left) ? (
                      <View className="tt-return__last" id="last-submission" role="alert">
                        {t('guide.application.lastSubmission')}
                      </View>
                    ) : null}
                    <View>{t('application.revisionDeadline')}</View>
                    <View className="tt-screen__line">
                      {formatDual(t, revisionDeadline(application.returnedAt, year), true, isRtl)}
                    </View>
                    <Countdown
                      id="revision-countdown"
                      className="tt-screen__big"
                      deadline={revisionDeadline(application.returnedAt, year)}
                      now={now}
                    />
                    <View className="tt-screen__line" id="submissions-left">
                      {t('application.submissionsLeft', {
                        left: left ?? 0,
                        max: year.rules.revision.maxSubmissions,
                      })}
                    </View>
                  </View>
                ) : null}
                {defence ? (
                  <View className="tt-screen__card" id="defence">
                    <View>{t('application.defenceTitle')}</View>
                    <View className="tt-screen__line">
                      {defence.kind === 'required'
                        ? t('application.defenceRequired', { level: levelLabel })
                        : defence.kind === 'exempt'
                          ? t('application.defenceExempt', {
                              service: t(`service.${defence.service}`),
                            })
                          : t('application.defenceNotRequired', { level: levelLabel })}
                    </View>
                    <View className="tt-screen__muted">
                      {year ? (
                        <RuleSource
                          notice={year.rules.noticeDocumentNumber}
                          section={year.rules.sections.R11}
                          rule="R11"
                        />
                      ) : null}
                    </View>
                  </View>
                ) : null}
                <View className="tt-screen__title" role="heading" aria-level={2}>
                  {t('application.next')}
                </View>
                {next.length > 0 ? (
                  next
                    .slice(0, 2)
                    .map((item) => <ActionCard key={item.action.kind} item={item} now={now} />)
                ) : (
                  <View className="tt-screen__card" id="nothing-next">
                    {t('application.nothingNext')}
                  </View>
                )}
                {checklist ? (
                  <TickableChecklist applicationId={application.id} checklist={checklist} />
                ) : null}
                <View className="tt-screen__title" role="heading" aria-level={2}>
                  {t('application.timeline')}
                </View>
                <StatusTimeline history={entry.history} status={application.status} />
              </>
            );
          }}
        </ApplicantGate>
      </View>
    </PageRoot>
  );
}
