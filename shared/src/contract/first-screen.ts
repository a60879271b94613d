import type { CalendarYearResponse } from './calendar';
import type { NoticeSummary } from './notice';

// The H5 page the server sends for "/": the home screen's public part already drawn in HTML
// (shown before any JavaScript arrives on a slow link), and the data it was drawn from, which
// the app takes as its first answer instead of asking again.
export const FIRST_SCREEN = {
  // The server-drawn home screen; the app removes it once its own home screen is drawn.
  elementId: 'first-screen',
  // <script type="application/json"> holding FirstScreenData.
  dataElementId: 'first-screen-data',
  // The H5 app remembers the chosen language here too, so the server draws in that language.
  localeCookie: 'titletrack_locale',
} as const;

export interface FirstScreenData {
  // The calendar of the year that matters at `renderedAt` (as GET /api/calendars/:year), or null.
  calendar: CalendarYearResponse | null;
  // As GET /api/notices.
  notices: NoticeSummary[];
  isClockOverrideAllowed: boolean;
  renderedAt: string; // ISO instant
}
