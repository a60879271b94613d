import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';

import { nextDeadline } from '@titletrack/shared/domain';

import { heading, pressable } from '../../components/a11y';
import { ActionCard } from '../../components/action-card';
import { CalendarTimeline } from '../../components/calendar-timeline';
import { DeadlineCountdown } from '../../components/deadline-countdown';
import { NavGrid } from '../../components/nav-grid';
import { NoticeList } from '../../components/notice-list';
import { PageRoot } from '../../components/page-root';
import { RoundNotice } from '../../components/round-notice';
import { StateView } from '../../components/state-view';
import { useUnreadCount } from '../../hooks/use-inbox';
import { useHome } from '../../hooks/use-home';
import { useMyProgress } from '../../hooks/use-my-progress';
import { useNoticeYears } from '../../hooks/use-notice-years';
import { useNow } from '../../hooks/use-now';
import { useRoundView } from '../../hooks/use-round-view';
import { todoItems } from '../../hooks/use-todo';
import { useT } from '../../locales';
import { screenUrl } from '../../utils/action-target';
import { formatDual } from '../../utils/format-time';
import { ROUTES } from '../../utils/routes';
import './index.scss';

const open = (url: string) => (): void => {
  void Taro.navigateTo({ url });
};

export default function HomePage(): JSX.Element {
  const t = useT();
  const { params } = useRouter();
  const home = useHome(params.now);
  const mine = useMyProgress();
  const { yearOf } = useNoticeYears(mine.data);
  const unread = useUnreadCount();
  const now = useNow();
  const round = useRoundView(home.data?.round ?? null, (mine.data?.summaries.length ?? 0) > 0);
  usePullDownRefresh(() => {
    home.reload();
    mine.reload();
    void Taro.stopPullDownRefresh();
  });

  if (!home.data) {
    return (
      <PageRoot id="home" tab="home" unread={unread} isHoldingFirstScreen={home.isLoading}>
        {home.isLoading ? (
          <StateView state="loading" />
        ) : (
          <StateView state="error" errorCode={home.error?.code} onRetry={home.reload} />
        )}
      </PageRoot>
    );
  }
  const { notices, isDemoClock } = home.data;
  const calendar = round?.calendar ?? null;
  const urgent = mine.data ? (todoItems(mine.data.progress, now, yearOf)[0] ?? null) : null;
  const isDemo = mine.data?.progress.some((entry) => entry.isDemo) ?? false;
  // The urgent card opens where the to-do is done (the fee card opens the fee page); a to-do done
  // elsewhere (the platform, the office) opens the list, which says where.
  const urgentTarget = urgent?.action.target ?? null;
  const openUrgent =
    urgent && urgentTarget?.kind === 'screen'
      ? open(screenUrl(urgentTarget.screen, urgent.applicationId))
      : open(ROUTES.todo);
  return (
    <PageRoot
      id="home"
      title="app.title"
      tab="home"
      unread={unread}
      isOffline={home.isOffline || mine.isOffline}
      asOf={home.isOffline ? home.asOf : mine.isOffline ? mine.asOf : null}
    >
      {isDemoClock ? (
        <View className="home__demo" id="demo-clock">
          {t('home.demoClock', { time: formatDual(t, now, false) })}
        </View>
      ) : null}
      {isDemo ? (
        <View className="home__demo-badge" id="demo-badge">
          {t('app.demoBadge')}
        </View>
      ) : null}
      <View className="home__section-title" {...heading(2)}>
        {t('home.urgentTodo')}
      </View>
      {!mine.isSignedIn ? (
        <View className="home__hint" id="sign-in-hint" {...pressable('link', open(ROUTES.me))}>
          {t('home.signInHint')}
        </View>
      ) : urgent ? (
        <ActionCard item={urgent} now={now} onOpen={openUrgent} />
      ) : mine.isLoading ? (
        <StateView state="loading" />
      ) : (
        <View className="home__hint" id="no-todo">
          {t('home.noTodo')}
        </View>
      )}
      <NavGrid
        items={[
          { key: 'application', onOpen: open(ROUTES.application()) },
          { key: 'todo', onOpen: open(ROUTES.todo) },
          { key: 'fee', onOpen: open(ROUTES.fee) },
          { key: 'inbox', badge: unread, onOpen: open(ROUTES.inbox) },
          { key: 'calendar', onOpen: open(ROUTES.calendar) },
          { key: 'certificate', onOpen: open(ROUTES.certificate) },
          { key: 'me', onOpen: open(ROUTES.me) },
        ]}
      />
      <View
        className="home__hint"
        id="eligibility-entry"
        {...pressable('link', open(ROUTES.eligibility))}
      >
        {t('guide.eligibility.entry')}
      </View>
      {mine.isSignedIn && unread !== null ? (
        <View className="home__unread" id="unread-count" {...pressable('link', open(ROUTES.inbox))}>
          {unread > 0 ? t('home.unread', { count: unread }) : t('home.noUnread')}
        </View>
      ) : null}
      {round ? <RoundNotice {...round.notice} /> : null}
      {calendar && round?.isPublished ? (
        <>
          <DeadlineCountdown
            event={nextDeadline(calendar.events, now)}
            year={calendar.year}
            now={now}
          />
          <View className="home__section-title" {...heading(2)}>
            {t('home.calendarTitle', { year: calendar.year })}
          </View>
        </>
      ) : null}
      {calendar ? <CalendarTimeline events={calendar.events} now={now} /> : null}
      <View className="home__section-title" {...heading(2)}>
        {t('home.notices')}
      </View>
      <NoticeList items={notices} onOpen={(id) => open(ROUTES.notice(id))()} />
    </PageRoot>
  );
}
