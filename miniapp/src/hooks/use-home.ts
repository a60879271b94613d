import { pickCalendarYear } from '@titletrack/shared/calendar';
import type { CalendarYearResponse, NoticeSummary } from '@titletrack/shared/contract';

import { getCalendar, getCalendars } from '../services/calendars';
import { getHealth } from '../services/health';
import { getNotices } from '../services/notices';
import { appNow, parseClockOverride, setClockOverride } from '../utils/clock';
import { useAsync } from './use-async';
import type { AsyncState } from './use-async';

export interface HomeData {
  calendar: CalendarYearResponse | null;
  notices: NoticeSummary[];
  isDemoClock: boolean;
}

// The home screen's data: the demo clock (if asked for and allowed), the calendar of the year
// that matters now, and the latest notices, fetched side by side.
export function useHome(nowParam: string | undefined): AsyncState<HomeData> {
  return useAsync(async () => {
    const [health, calendars, notices] = await Promise.all([getHealth(), getCalendars(), getNotices()]);
    const override = parseClockOverride(nowParam);
    const isDemoClock = override !== null && health.isClockOverrideAllowed;
    setClockOverride(isDemoClock ? override : null);
    const year = pickCalendarYear(
      calendars.items.map((item) => item.year),
      appNow(),
    );
    const calendar = year === null ? null : await getCalendar(year);
    return { calendar, notices: notices.items, isDemoClock };
  }, [nowParam]);
}
