// R3 (§三): a year's calendar is data, one per notice; these are its closed sets.
export const CALENDAR_EVENT_KIND = {
  APPLICATION: 'application',
  REVIEW: 'review',
  PAPER_MATERIALS: 'paper_materials',
  FEE: 'fee',
  EVALUATION_MEETINGS: 'evaluation_meetings',
  JUNIOR_EVALUATIONS: 'junior_evaluations',
  QUALIFICATION_DOCUMENTS: 'qualification_documents',
  POST_FILING_AND_CERTIFICATES: 'post_filing_and_certificates',
} as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KIND)[keyof typeof CALENDAR_EVENT_KIND];

// R2 (§二): one route per applicant per year.
export const EVALUATION_ROUTE = {
  PREFECTURE_DIRECTED: 'prefecture_directed',
  REGION: 'region',
} as const;
export type EvaluationRoute = (typeof EVALUATION_ROUTE)[keyof typeof EVALUATION_ROUTE];

// Dates as the notice writes them: Beijing calendar days, both ends inclusive.
export interface CalendarEventDefinition {
  kind: CalendarEventKind;
  title: string;
  startsOn?: string; // YYYY-MM-DD
  endsOn: string; // YYYY-MM-DD, the last Beijing day on which the step may still happen
  section: string; // notice section, e.g. 三(一)
  wording: string; // the notice's own words
  interpretation?: string; // how an ambiguous wording was read, and why
}

export interface CalendarYearDefinition {
  year: number;
  route: EvaluationRoute;
  region: string;
  title: string;
  noticeDocumentNumber: string;
  events: CalendarEventDefinition[];
}

// The same event with its window as instants, as the API and the alerts use it.
export interface CalendarEvent {
  kind: CalendarEventKind;
  title: string;
  startsAt: Date | null;
  endsAt: Date;
  section: string;
  wording: string;
  interpretation: string | null;
}
