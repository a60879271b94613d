import { noticeYearFromResponse } from '@titletrack/shared/calendar';
import type { CalendarYearResponse, MyApplicationSummary } from '@titletrack/shared/contract';
import type { Application, NoticeYear } from '@titletrack/shared/domain';
import { HOTAN_REGION_CODE } from '@titletrack/shared/region';

import type { NoticeCalendarQuery } from '../services/calendars';

// The published notices my applications are under, by noticeKey; null: not published (yet).
export type NoticeAnswers = Record<string, CalendarYearResponse | null>;

export type NoticeYearLookup = (
  application: Pick<Application, 'id' | 'year' | 'route'>,
) => NoticeYear | null;

type RegionSource = Pick<MyApplicationSummary, 'id' | 'regionCode'>;

export const noticeKey = ({ regionCode, year, route }: NoticeCalendarQuery): string =>
  `${regionCode}:${year}:${route}`;

// Applications carry their region in the list of my applications; one mirrored before regions
// existed (or a server that does not send it yet) belongs to Hotan, the only region there was.
export function regionCodeOf(applicationId: string, summaries: readonly RegionSource[]): string {
  const code = summaries.find((summary) => summary.id === applicationId)?.regionCode;
  return code ? code : HOTAN_REGION_CODE;
}

// The notices to fetch for these applications, each once.
export function noticeQueriesOf(
  applications: readonly Pick<Application, 'id' | 'year' | 'route'>[],
  summaries: readonly RegionSource[],
): NoticeCalendarQuery[] {
  const queries = new Map<string, NoticeCalendarQuery>();
  for (const application of applications) {
    const query = {
      regionCode: regionCodeOf(application.id, summaries),
      year: application.year,
      route: application.route,
    };
    queries.set(noticeKey(query), query);
  }
  return [...queries.values()].sort((a, b) => noticeKey(a).localeCompare(noticeKey(b)));
}

// Each application's notice year from the published notices. Built once per answer: the to-do
// engine caches its windows per calendar object, so the same application must get the same
// object on every tick. An application whose notice is not published gets null, and with it no
// deadlines rather than another year's.
export function noticeYearLookup(
  answers: NoticeAnswers | null,
  summaries: readonly RegionSource[],
): NoticeYearLookup {
  const years = new Map<string, NoticeYear | null>();
  for (const [key, response] of Object.entries(answers ?? {}))
    years.set(key, response === null ? null : noticeYearFromResponse(response));
  return (application) =>
    years.get(
      noticeKey({
        regionCode: regionCodeOf(application.id, summaries),
        year: application.year,
        route: application.route,
      }),
    ) ?? null;
}
