import type { CalendarRoundResponse, NoticeSummary } from '@titletrack/shared/contract';

import { getCalendarRound } from '../services/calendars';
import { forgetDemoClock } from '../services/demo';
import { getHealth } from '../services/health';
import { getNotices } from '../services/notices';
import { HOME_CACHE_KEY } from '../services/screen-cache';
import { appNow, isClockOverridden, parseClockOverride, setClockOverride } from '../utils/clock';
import { chooseRound } from '../utils/current-round';
import { useCached } from './use-cached';
import type { CachedState } from './use-cached';
import { useMyProgress } from './use-my-progress';
import { usePreferences } from './use-preferences';

export interface HomeData {
  // The current round: this year's notice, or the news that it is not out with last year's.
  round: CalendarRoundResponse;
  notices: NoticeSummary[];
  isDemoClock: boolean;
}

// The home screen's data: the demo clock (from `?now=` or a demo sign-in, if the server allows
// it), the round that matters now (my latest application's, else this year's of the region I
// chose), and the latest notices.
export function useHome(nowParam: string | undefined): CachedState<HomeData> {
  const mine = useMyProgress();
  const [{ regionCode }] = usePreferences();
  const applications = mine.data?.summaries ?? [];
  const applicationsKey = applications
    .map((application) => `${application.regionCode}:${application.year}:${application.route}`)
    .join(',');
  return useCached(HOME_CACHE_KEY, async () => {
    const [health, notices] = await Promise.all([getHealth(), getNotices()]);
    const override = parseClockOverride(nowParam);
    if (!health.isClockOverrideAllowed) {
      setClockOverride(null);
      forgetDemoClock();
    } else if (override !== null) {
      setClockOverride(override);
    }
    const isDemoClock = health.isClockOverrideAllowed && isClockOverridden();
    // The year comes from the app's clock once the demo clock is settled.
    const round = await getCalendarRound(chooseRound(applications, regionCode, appNow()));
    return { round, notices: notices.items, isDemoClock };
  }, [nowParam, regionCode, applicationsKey]);
}
