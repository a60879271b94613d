import { pickCalendarYear } from '@titletrack/shared/calendar';
import type { CalendarYearResponse, NoticeSummary } from '@titletrack/shared/contract';

import { getCalendar, getCalendars } from '../services/calendars';
import { forgetDemoClock } from '../services/demo';
import { getHealth } from '../services/health';
import { getNotices } from '../services/notices';
import { HOME_CACHE_KEY } from '../services/screen-cache';
import { appNow, isClockOverridden, parseClockOverride, setClockOverride } from '../utils/clock';
import { useCached } from './use-cached';
import type { CachedState } from './use-cached';

export interface HomeData {
  calendar: CalendarYearResponse | null;
  notices: NoticeSummary[];
  isDemoClock: boolean;
}

// The home screen's data: the demo clock (from `?now=` or a demo sign-in, if the server allows
// it), the calendar of the year that matters now, and the latest notices, fetched side by side.
export function useHome(nowParam: string | undefined): CachedState<HomeData> {
  return useCached(HOME_CACHE_KEY, async () => {
    const [health, calendars, notices] = await Promise.all([
      getHealth(),
      getCalendars(),
      getNotices(),
    ]);
    const override = parseClockOverride(nowParam);
    if (!health.isClockOverrideAllowed) {
      setClockOverride(null);
      forgetDemoClock();
    } else if (override !== null) {
      setClockOverride(override);
    }
    const isDemoClock = health.isClockOverrideAllowed && isClockOverridden();
    const year = pickCalendarYear(
      calendars.items.map((item) => item.year),
      appNow(),
    );
    const calendar = year === null ? null : await getCalendar(year);
    return { calendar, notices: notices.items, isDemoClock };
  }, [nowParam]);
}
