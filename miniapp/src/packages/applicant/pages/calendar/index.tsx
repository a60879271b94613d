import { View } from '@tarojs/components';
import { useState } from 'react';

import { CalendarTimeline } from '../../../../components/calendar-timeline';
import { PageRoot } from '../../../../components/page-root';
import { StateView } from '../../../../components/state-view';
import { Button } from '../../../../components/ui';
import { useHome } from '../../../../hooks/use-home';
import { useMyProgress } from '../../../../hooks/use-my-progress';
import { useNow } from '../../../../hooks/use-now';
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
  const now = useNow();
  const [result, setResult] = useState<string | null>(null);
  const calendar = home.data?.calendar ?? null;

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
    const events: PhoneCalendarEvent[] = todoItems(mine.data?.progress ?? [], now).flatMap(
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
        ) : calendar ? (
          <>
            <Button
              className="tt-screen__button"
              id="add-year"
              type="primary"
              block
              onClick={addYear}
            >
              {t('calendar.addYear')}
            </Button>
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
            <View className="tt-screen__title">
              {t('home.calendarTitle', { year: calendar.year })}
            </View>
            <CalendarTimeline events={calendar.events} now={now} />
          </>
        ) : (
          <StateView state="error" errorCode="CALENDAR_NOT_FOUND" />
        )}
      </View>
    </PageRoot>
  );
}
