import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import type {
  CalendarRoundQuery,
  CalendarRoundResponse,
  CalendarYearResponse,
  MyApplicationSummary,
} from '@titletrack/shared/contract';
import { beijingDateOf } from '@titletrack/shared/domain';
import { HOTAN_REGION_CODE, REGION_LEVEL, findRegion } from '@titletrack/shared/region';

import { isOneOf } from './closed-set';

export interface CurrentRoundQuery extends CalendarRoundQuery {
  route: EvaluationRoute;
}

// The year of a moment on Beijing's calendar: the round of the year turns at Beijing midnight.
export const beijingYearOf = (now: Date): number => Number(beijingDateOf(now).slice(0, 4));

// A region's own committees evaluate the prefecture-directed route; the autonomous region's
// notice is the one for applications sent up to it.
const routeOfRegion = (regionCode: string): EvaluationRoute =>
  findRegion(regionCode)?.level === REGION_LEVEL.AUTONOMOUS_REGION
    ? EVALUATION_ROUTE.REGION
    : EVALUATION_ROUTE.PREFECTURE_DIRECTED;

// A remembered choice that is not (or no longer) a region falls back to Hotan.
export const knownRegionCode = (code: string | null | undefined): string =>
  code && findRegion(code) ? code : HOTAN_REGION_CODE;

/**
 * The round an applicant should look at: the one of their latest bound application (its region,
 * year and route), else this Beijing year's round of the region they chose.
 */
export function chooseRound(
  applications: readonly Pick<MyApplicationSummary, 'regionCode' | 'year' | 'route'>[],
  chosenRegionCode: string | null,
  now: Date,
): CurrentRoundQuery {
  const latest = applications.reduce<(typeof applications)[number] | null>(
    (best, application) => (best === null || application.year > best.year ? application : best),
    null,
  );
  if (latest !== null) {
    const regionCode = knownRegionCode(latest.regionCode);
    return {
      regionCode,
      year: latest.year,
      route: isOneOf(EVALUATION_ROUTE, latest.route) ? latest.route : routeOfRegion(regionCode),
    };
  }
  const regionCode = knownRegionCode(chosenRegionCode);
  return { regionCode, year: beijingYearOf(now), route: routeOfRegion(regionCode) };
}

export interface RoundCalendar {
  // What to draw: this year's notice, or when it is not out the latest one before it.
  calendar: CalendarYearResponse | null;
  // The calendar shown is an earlier year's, for reference only.
  isEarlierYear: boolean;
}

export function roundCalendar(round: CalendarRoundResponse): RoundCalendar {
  if (round.isPublished && round.calendar)
    return { calendar: round.calendar, isEarlierYear: false };
  return { calendar: round.previous, isEarlierYear: round.previous !== null };
}
