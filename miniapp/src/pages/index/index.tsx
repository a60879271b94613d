import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { formatInstant, nextDeadline } from '@titletrack/shared/domain';

import { CalendarTimeline } from '../../components/calendar-timeline';
import { DeadlineCountdown } from '../../components/deadline-countdown';
import { NoticeList } from '../../components/notice-list';
import { StateView } from '../../components/state-view';
import { useHome } from '../../hooks/use-home';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../locales';
import './index.scss';

export default function HomePage(): JSX.Element {
  const t = useT();
  const { params } = useRouter();
  const home = useHome(params.now);
  const now = useNow();
  usePullDownRefresh(() => {
    home.reload();
    void Taro.stopPullDownRefresh();
  });

  if (home.isLoading && !home.data) return <StateView state="loading" />;
  if (home.error || !home.data) {
    return <StateView state="error" errorCode={home.error?.code} onRetry={home.reload} />;
  }
  const { calendar, notices, isDemoClock } = home.data;
  const openNotice = (id: string): void => {
    void Taro.navigateTo({ url: `/pages/notice/index?id=${encodeURIComponent(id)}` });
  };
  return (
    <View className="home">
      {isDemoClock ? (
        <View className="home__demo" id="demo-clock">
          {t('home.demoClock', { time: formatInstant(now) })}
        </View>
      ) : null}
      {calendar ? (
        <>
          <DeadlineCountdown event={nextDeadline(calendar.events, now)} year={calendar.year} now={now} />
          <View className="home__section-title">{t('home.calendarTitle', { year: calendar.year })}</View>
          <CalendarTimeline events={calendar.events} now={now} />
        </>
      ) : (
        <StateView state="error" errorCode="CALENDAR_NOT_FOUND" />
      )}
      <View className="home__section-title">{t('home.notices')}</View>
      <NoticeList items={notices} onOpen={openNotice} />
    </View>
  );
}
