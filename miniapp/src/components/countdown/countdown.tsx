import { View } from '@tarojs/components';

import { countdown } from '@titletrack/shared/domain';
import type { Instant } from '@titletrack/shared/domain';

import { useT } from '../../locales';

export interface CountdownProps {
  deadline: Instant;
  now: Date;
  id?: string;
  className?: string;
}

// "n days n hours n minutes n seconds left", or "closed"; the caller re-renders with a new `now`.
export function Countdown({ deadline, now, id, className }: CountdownProps): JSX.Element {
  const t = useT();
  const left = countdown(deadline, now);
  const text = left.isOver
    ? t('time.overdue')
    : t('time.countdown', {
        days: left.days,
        hours: left.hours,
        minutes: left.minutes,
        seconds: left.seconds,
      });
  return (
    <View
      className={`tt-countdown-text${left.isOver ? ' tt-countdown-text--over' : ''}${className ? ` ${className}` : ''}`}
      id={id}
    >
      {text}
    </View>
  );
}
