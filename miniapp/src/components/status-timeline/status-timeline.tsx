import { View } from '@tarojs/components';

import type { StatusHistoryItem } from '@titletrack/shared/contract';
import { APPLICATION_STATUS_ORDER, isApplicationStatus } from '@titletrack/shared/domain';
import type { ApplicationStatus } from '@titletrack/shared/domain';
import { isolate } from '@titletrack/shared/locales';

import { useIsRtl, useT } from '../../locales';
import { formatBeijingMinute } from '../../utils/format-time';
import './status-timeline.scss';

export interface StatusTimelineProps {
  // Oldest first, as the mirror recorded it.
  history: readonly StatusHistoryItem[];
  status: ApplicationStatus;
}

const classPrefix = 'tt-status';

// The main line's statuses still ahead of the current one (none after a side exit).
function statusesAhead(status: ApplicationStatus): ApplicationStatus[] {
  const order = APPLICATION_STATUS_ORDER[status];
  if (order === null) return [];
  const ahead = new Map<number, ApplicationStatus>();
  for (const [candidate, position] of Object.entries(APPLICATION_STATUS_ORDER) as Array<
    [ApplicationStatus, number | null]
  >) {
    // `returned` shares its position with authority review; it is never "ahead".
    if (position !== null && position > order && candidate !== 'returned' && !ahead.has(position))
      ahead.set(position, candidate);
  }
  return [...ahead.entries()].sort((a, b) => a[0] - b[0]).map(([, candidate]) => candidate);
}

// What happened (from the history, with Beijing dates), where the application is now, and the
// steps still ahead on the main line.
export function StatusTimeline({ history, status }: StatusTimelineProps): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const label = (value: string): string =>
    isApplicationStatus(value) ? t(`status.label.${value}`) : value;
  const lastIndex = history.length - 1;
  return (
    <View className={classPrefix} id="status-timeline">
      {history.map((item, index) => {
        const isCurrent = index === lastIndex;
        return (
          <View
            key={`${item.status}-${item.changedAt}`}
            className={`${classPrefix}__item ${classPrefix}__item--${isCurrent ? 'current' : 'done'}`}
            data-status={item.status}
          >
            <View className={`${classPrefix}__dot`} />
            <View className={`${classPrefix}__body`}>
              <View className={`${classPrefix}__label`}>{label(item.status)}</View>
              <View className={`${classPrefix}__date`}>
                {isolate(formatBeijingMinute(item.changedAt), isRtl)}
              </View>
            </View>
          </View>
        );
      })}
      {statusesAhead(status).map((ahead) => (
        <View
          key={ahead}
          className={`${classPrefix}__item ${classPrefix}__item--ahead`}
          data-status={ahead}
        >
          <View className={`${classPrefix}__dot`} />
          <View className={`${classPrefix}__body`}>
            <View className={`${classPrefix}__label`}>{label(ahead)}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
