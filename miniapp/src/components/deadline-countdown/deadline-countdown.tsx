import { View } from '@tarojs/components';
import { countdown, formatDeadline } from '@titletrack/shared/domain';
import type { CalendarEventResponse } from '@titletrack/shared/contract';

import { useT } from '../../locales';
import './deadline-countdown.scss';

export interface DeadlineCountdownProps {
  event: CalendarEventResponse | null;
  year: number;
  now: Date;
}

const classPrefix = 'tt-countdown';

export function DeadlineCountdown({ event, year, now }: DeadlineCountdownProps): JSX.Element {
  const t = useT();
  if (event === null) {
    return (
      <View className={classPrefix} id="next-deadline">
        <View className={`${classPrefix}__label`}>{t('home.allDeadlinesPassed', { year })}</View>
      </View>
    );
  }
  const left = countdown(event.endsAt, now);
  return (
    <View className={classPrefix} id="next-deadline">
      <View className={`${classPrefix}__label`}>{t('home.nextDeadline')}</View>
      <View className={`${classPrefix}__title`} id="next-deadline-title">
        {event.title}
      </View>
      <View className={`${classPrefix}__time`} id="next-deadline-time">
        {formatDeadline(event.endsAt)}
      </View>
      <View className={`${classPrefix}__left`} id="next-deadline-countdown">
        {t('home.countdown', left as unknown as Record<string, number>)}
      </View>
    </View>
  );
}
