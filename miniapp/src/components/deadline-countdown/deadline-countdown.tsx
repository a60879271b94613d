import { View } from '@tarojs/components';

import { countdown } from '@titletrack/shared/domain';
import type { CalendarEventResponse } from '@titletrack/shared/contract';

import { LOCALE, directionOf, useLocale, useT } from '../../locales';
import { formatDual } from '../../utils/format-time';
import './deadline-countdown.scss';

export interface DeadlineCountdownProps {
  event: CalendarEventResponse | null;
  year: number;
  now: Date;
}

const classPrefix = 'tt-countdown';

export function DeadlineCountdown({ event, year, now }: DeadlineCountdownProps): JSX.Element {
  const t = useT();
  const locale = useLocale();
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
        {locale === LOCALE.ZH_CN ? event.title : t(`calendar.kind.${event.kind}`)}
      </View>
      <View className={`${classPrefix}__time`} id="next-deadline-time">
        {formatDual(t, event.endsAt, true, directionOf(locale) === 'rtl')}
      </View>
      <View className={`${classPrefix}__left`} id="next-deadline-countdown">
        {t('home.countdown', {
          days: left.days,
          hours: left.hours,
          minutes: left.minutes,
          seconds: left.seconds,
        })}
      </View>
    </View>
  );
}
