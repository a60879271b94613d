import { View } from '@tarojs/components';
import { useState } from 'react';

import { CalendarTimeline } from '../../../../components/calendar-timeline';
import { PageRoot } from '../../../../components/page-root';
import { PrivacySheet } from '../../../../components/privacy-sheet';
import { RoundNotice } from '../../../../components/round-notice';
import { StateView } from '../../../../components/state-view';
import { Button } from '../../../../components/ui';
import { useHome } from '../../../../hooks/use-home';
import { useMyProgress } from '../../../../hooks/use-my-progress';
import { useNoticeYears } from '../../../../hooks/use-notice-years';
import { useNow } from '../../../../hooks/use-now';
import { useRoundView } from '../../../../hooks/use-round-view';
import { todoItems } from '../../../../hooks/use-todo';
import { LOCALE, useLocale, useT } from '../../../../locales';
import { addMineToPhoneCalendar, addYearToPhoneCalendar } from '../../../../services/calendar-file';
import type { PhoneCalendarEvent } from '../../../../services/calendar-file';
import '../../applicant.scss';

export default function CalendarPage(): JSX.Element {
  const t = useT();
  const locale = useLocale();
  const home = useHome(undefined);
  const mine = useMyProgress();
  const { yearOf } = useNoticeYears(mine.data);
  const now = useNow();
  const [result, setResult] = useState<string | null>(null);
  const round = useRoundView(home.data?.round ?? null, (mine.data?.summaries.length ?? 0) > 0);
  const calendar = round?.calendar ?? null;

  const report = (promise: Promise<'downloaded' | 'added'>): void => {
    promise
      .then((outcome) =>
        setResult(t(outcome === 'added' ? 'calendar.added' : 'calendar.downloaded')),
      )
      .catch(() => setResult(t('calendar.addFailed')));
  };
  const addYear = (): void => {
    if (!calendar) return;
    const events: PhoneCalendarEvent[] = calendar.events
      .filter((event) => new Date(event.endsAt).getTime() > now.getTime())
      .map((event) => ({
        title: locale === LOCALE.ZH_CN ? event.title : t(`calendar.kind.${event.kind}`),
        description: event.wording,
        startsAt: event.startsAt ? new Date(event.startsAt) : null,
        endsAt: new Date(event.endsAt),
      }));
    report(addYearToPhoneCalendar(calendar.year, events));
  };
  const addMine = (): void => {
    const events: PhoneCalendarEvent[] = todoItems(mine.data?.progress ?? [], now, yearOf).flatMap(
      (item) =>
        item.action.deadline && item.action.isTask
          ? [
              {
                title: t(`action.kind.${item.action.kind}`, {}),
                description: item.applicationNo,
                startsAt: null,
                endsAt: item.action.deadline,
              },
            ]
          : [],
    );
    report(addMineToPhoneCalendar(events));
  };

  return (
    <PageRoot id="calendar-page" title="nav.calendar" isOffline={home.isOffline} asOf={home.asOf}>
      <View className="tt-screen">
        {!home.data ? (
          home.isLoading ? (
            <StateView state="loading" />
          ) : (
            <StateView state="error" errorCode={home.error?.code} onRetry={home.reload} />
          )
        ) : round ? (
          <>
            <RoundNotice {...round.notice} />
            {calendar && round.isPublished ? (
              <Button
                className="tt-screen__button"
                id="add-year"
                type="primary"
                block
                onClick={addYear}
              >
                {t('calendar.addYear')}
              </Button>
            ) : null}
            {mine.isSignedIn && mine.data && mine.data.progress.length > 0 ? (
              <Button
                className="tt-screen__button"
                id="add-mine"
                fill="outline"
                block
                onClick={addMine}
              >
                {t('calendar.addMine')}
              </Button>
            ) : null}
            {result ? (
              <View className="tt-screen__card" id="calendar-result" role="status">
                {result}
              </View>
            ) : null}
            {calendar && round.isPublished ? (
              <View className="tt-screen__title" role="heading" aria-level={2}>
                {t('home.calendarTitle', { year: calendar.year })}
              </View>
            ) : null}
            {calendar ? <CalendarTimeline events={calendar.events} now={now} /> : null}
          </>
        ) : (
          <StateView state="error" errorCode="CALENDAR_NOT_FOUND" />
        )}
      </View>
      {/* Adding dates to the phone calendar is a privacy-scoped call on weapp: WeChat asks consent here. */}
      <PrivacySheet />
    </PageRoot>
  );
}
