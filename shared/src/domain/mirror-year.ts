import { beijingDateOf } from '../calendar/beijing-day';
import { CALENDAR_EVENT_KIND } from '../calendar/calendar.type';
import type { CalendarYearDefinition, EvaluationRoute } from '../calendar/calendar.type';
import { noticeRegionFor } from '../region/xinjiang-regions';

// A published notice as far as the year of a mirrored row is concerned.
export interface MirrorYearNotice {
  regionCode: string;
  calendar: Pick<CalendarYearDefinition, 'year' | 'route' | 'noticeDocumentNumber' | 'events'>;
}

// A notice whose application window contains the row's time: one of the years it may belong to.
export interface MirrorYearOption {
  regionCode: string;
  year: number;
  route: EvaluationRoute;
  documentNumber: string;
}

export type MirrorYearDecision =
  | { kind: 'year'; year: number }
  | { kind: 'ambiguous'; options: MirrorYearOption[] }
  | { kind: 'none' };

export interface MirrorYearRow {
  // When the row's application was submitted or last changed status.
  at: Date | number | string;
  // The prefecture the application belongs to.
  regionCode: string;
  // Null when the row does not say.
  route: EvaluationRoute | null;
}

// A window written without a start opens on 1 January of its end's year.
function isInApplicationWindow(notice: MirrorYearNotice, day: string): boolean {
  return notice.calendar.events.some(
    (event) =>
      event.kind === CALENDAR_EVENT_KIND.APPLICATION &&
      (event.startsOn ?? `${event.endsOn.slice(0, 4)}-01-01`) <= day &&
      day <= event.endsOn,
  );
}

/**
 * The year a mirrored row without one belongs to: that of the published notice whose
 * application window contains the row's Beijing day. The notice governing a row is its
 * prefecture's for the prefecture-directed route and the autonomous region's for the region
 * route (both, when the row names no route). Two notices of the same year agree; notices of
 * different years leave the choice to a person, and so does no notice at all.
 *
 * @param row - the row's time, its prefecture and its route (null: not given)
 * @param notices - the published notices
 * @example
 * resolveMirrorYear({ at: '2023-07-25T02:00:00Z', regionCode: '6532', route: null }, [hotan2023])
 * // { kind: 'year', year: 2023 }
 */
export function resolveMirrorYear(
  row: MirrorYearRow,
  notices: readonly MirrorYearNotice[],
): MirrorYearDecision {
  const day = beijingDateOf(row.at);
  const options: MirrorYearOption[] = notices
    .filter(
      (notice) =>
        (row.route === null || notice.calendar.route === row.route) &&
        notice.regionCode === noticeRegionFor(row.regionCode, notice.calendar.route) &&
        isInApplicationWindow(notice, day),
    )
    .map((notice) => ({
      regionCode: notice.regionCode,
      year: notice.calendar.year,
      route: notice.calendar.route,
      documentNumber: notice.calendar.noticeDocumentNumber,
    }));
  const years = new Set(options.map((option) => option.year));
  const [year] = years;
  if (year === undefined) return { kind: 'none' };
  if (years.size === 1) return { kind: 'year', year };
  return {
    kind: 'ambiguous',
    options: options.sort((a, b) => a.year - b.year || a.route.localeCompare(b.route)),
  };
}
