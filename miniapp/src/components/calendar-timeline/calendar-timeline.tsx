import { View } from '@tarojs/components';

import { stepPhase, yearProgress } from '@titletrack/shared/domain';
import type { CalendarEventResponse } from '@titletrack/shared/contract';
import { sectionNumber } from '@titletrack/shared/locales';

import { LOCALE, directionOf, useLocale, useT } from '../../locales';
import { formatDual } from '../../utils/format-time';
import { Quotation } from '../quotation';
import './calendar-timeline.scss';

export interface CalendarTimelineProps {
  events: CalendarEventResponse[];
  now: Date;
}

const classPrefix = 'tt-timeline';

// The year's steps in deadline order, with "today" drawn where it falls among them.
export function CalendarTimeline({ events, now }: CalendarTimelineProps): JSX.Element {
  const t = useT();
  const locale = useLocale();
  const isRtl = directionOf(locale) === 'rtl';
  const progress = Math.round(yearProgress(events, now) * 100);
  const firstOpen = events.findIndex((event) => stepPhase(event, now) !== 'past');
  const todayIndex = firstOpen === -1 ? events.length : firstOpen;
  const today = (
    <View className={`${classPrefix}__today`} id="timeline-today" key="today">
      {t('home.today')}
    </View>
  );
  return (
    <View className={classPrefix} id="calendar-timeline">
      <View className={`${classPrefix}__progress`}>
        <View className={`${classPrefix}__progress-bar`} style={{ width: `${progress}%` }} />
      </View>
      {events.flatMap((event, index) => {
        const phase = stepPhase(event, now);
        const item = (
          <View
            className={`${classPrefix}__item ${classPrefix}__item--${phase}`}
            key={event.id}
            id={`event-${event.kind}`}
          >
            <View className={`${classPrefix}__head`}>
              <View className={`${classPrefix}__title`}>
                {locale === LOCALE.ZH_CN ? event.title : t(`calendar.kind.${event.kind}`)}
              </View>
              <View className={`${classPrefix}__phase`}>{t(`calendar.phase.${phase}`)}</View>
            </View>
            {event.startsAt ? (
              <View className={`${classPrefix}__when`}>
                {t('calendar.opens', { time: formatDual(t, event.startsAt, false, isRtl) })}
              </View>
            ) : null}
            <View className={`${classPrefix}__when`}>
              {t('calendar.closes', { time: formatDual(t, event.endsAt, true, isRtl) })}
            </View>
            <View className={`${classPrefix}__source`}>
              {t('calendar.section', { section: sectionNumber(event.section, isRtl) })}
            </View>
            {event.interpretation === null ? null : isRtl ? (
              // The office's reading of the notice, Chinese as written: quoted.
              <Quotation className={`${classPrefix}__note`} lead="calendar.interpretationQuoted">
                {event.interpretation}
              </Quotation>
            ) : (
              <View className={`${classPrefix}__note`}>
                {t('calendar.interpretation', { text: event.interpretation })}
              </View>
            )}
          </View>
        );
        return index === todayIndex ? [today, item] : [item];
      })}
      {todayIndex === events.length ? today : null}
    </View>
  );
}
