import fc from 'fast-check';

import { beijingDayEndMs, beijingDayStartMs } from '../calendar/beijing-day';
import type { CalendarEventKind } from '../calendar/calendar.type';
import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import { REVISION_WINDOW_UNIT } from '../calendar/notice-rules.type';
import type { NoticeYear, RevisionWindowUnit } from '../calendar/notice-rules.type';
import { alertsDue } from './alerts';
import type { Alert, AlertKind } from './alerts';
import { APPLICATION_STATUS, APPLICATION_STATUS_ORDER } from './application-status';
import type { ApplicationStatus } from './application-status';
import { buildApplication } from './application.fixture';
import { EMPLOYER_KIND, GRASSROOTS_SERVICE, TITLE_LEVEL } from './application.type';
import type { Application } from './application.type';
import { actionTarget, nextActions } from './next-actions';
import type { ActionKind, NextAction } from './next-actions';
import { deriveObligations } from './obligations';

// The to-do item each alert is about. The outcomes (null) are news, not obligations: a
// not-accepted or failed application has nothing left to do, and a result is told once; the
// office's news (a corrected date, a published notice) is never one of alertsDue's.
const SHOWN_AS: Readonly<Record<AlertKind, ActionKind | null>> = {
  application_window_closing: 'submit_application',
  continuing_education_short: 'complete_continuing_education',
  application_returned: 'revise_application',
  revision_deadline_approaching: 'revise_application',
  application_not_accepted: null,
  fee_due: 'pay_fee',
  fee_deadline_approaching: 'pay_fee',
  paper_materials_due: 'send_paper_materials',
  paper_materials_deadline_approaching: 'send_paper_materials',
  defence_scheduled: 'prepare_defence',
  defence_approaching: 'prepare_defence',
  defence_exempt: 'note_defence_exemption',
  evaluation_meeting_approaching: 'watch_evaluation_meeting',
  publicity_started: 'watch_publicity',
  publicity_ending: 'watch_publicity',
  evaluation_result: null,
  qualification_document_issued: null,
  certificate_ready: null,
  calendar_date_changed: null,
  notice_published: null,
};
const OUTCOMES: readonly ApplicationStatus[] = [
  'not_accepted',
  'passed',
  'not_passed',
  'qualification_document_issued',
  'certificate_issued',
];

const HOUR_MS = 3_600_000;
const NONE: ReadonlySet<string> = new Set();

const instant = (min: string, max: string) =>
  fc
    .date({ min: new Date(min), max: new Date(max), noInvalidDate: true })
    .map((d) => d.toISOString());
const day = (min: string, max: string) => instant(min, max).map((iso) => iso.slice(0, 10));
const dayRange = (min: string, max: string) =>
  fc.option(fc.record({ startsOn: fc.option(day(min, max)), endsOn: fc.option(day(min, max)) }));

// The mirror may not know whether the fee is paid; its readers turn that into a boolean before
// the rules run: unpaid, unless the status is at or past fee_paid on the main line.
const FEE_PAID_ORDER = APPLICATION_STATUS_ORDER.fee_paid ?? 0;
const isPastFeePaid = (status: ApplicationStatus): boolean =>
  (APPLICATION_STATUS_ORDER[status] ?? -1) >= FEE_PAID_ORDER;

const anyApplication: fc.Arbitrary<Application> = fc
  .record({
    status: fc.constantFrom(...Object.values(APPLICATION_STATUS)),
    level: fc.constantFrom(...Object.values(TITLE_LEVEL)),
    statusChangedAt: instant('2023-07-01', '2024-01-31'),
    submissionCount: fc.integer({ min: 0, max: 4 }),
    returnedAt: fc.option(instant('2023-08-01', '2023-09-20')),
    fee: fc.constantFrom('paid', 'unpaid', 'unknown'),
    scheduledAt: fc.option(instant('2023-09-20', '2023-11-15')),
    service: fc.option(fc.constantFrom(...Object.values(GRASSROOTS_SERVICE))),
    employerKind: fc.constantFrom(...Object.values(EMPLOYER_KIND)),
    isFirstApplication: fc.boolean(),
    isContinuingEducationExempt: fc.boolean(),
    continuingEducation: fc.option(
      fc.array(
        fc.record({
          year: fc.integer({ min: 2019, max: 2023 }),
          totalHours: fc.integer({ min: 0, max: 120 }),
          professionalHours: fc.integer({ min: 0, max: 90 }),
        }),
        { maxLength: 4 },
      ),
    ),
    employerPublicity: dayRange('2023-08-01', '2023-09-30'),
    evaluationMeetingOn: fc.option(day('2023-10-01', '2023-11-20')),
    publicity: dayRange('2023-11-01', '2023-12-10'),
    qualificationDocumentIssuedOn: fc.option(day('2023-11-15', '2023-12-15')),
    certificateIssuedAt: fc.option(instant('2023-12-01', '2024-01-15')),
  })
  .map(({ fee, scheduledAt, service, ...facts }) =>
    buildApplication({
      ...facts,
      feePaid: fee === 'paid' || (fee === 'unknown' && isPastFeePaid(facts.status)),
      defence: { scheduledAt, serviceInApplicationYear: service },
    }),
  );

// The 2023 notice with its whole calendar, part of it, or none, and either reading of R4's
// revision window, with or without its cap. Generated as a short description, so that a
// counterexample reads well, and turned into the notice year by noticeYear.
const ALL_EVENTS = HOTAN_2023.calendar.events.map((e) => e.kind);
interface YearSpec {
  events: readonly CalendarEventKind[];
  windowUnit: RevisionWindowUnit;
  isCapped: boolean;
}
const anyYearSpec: fc.Arbitrary<YearSpec> = fc.record({
  events: fc.oneof(
    fc.constant(ALL_EVENTS),
    fc.subarray(ALL_EVENTS),
    fc.constant<CalendarEventKind[]>([]),
  ),
  windowUnit: fc.constantFrom(...Object.values(REVISION_WINDOW_UNIT)),
  isCapped: fc.boolean(),
});
const noticeYear = ({ events, windowUnit, isCapped }: YearSpec): NoticeYear => ({
  calendar: {
    ...HOTAN_2023.calendar,
    events: HOTAN_2023.calendar.events.filter((e) => events.includes(e.kind)),
  },
  rules: {
    ...HOTAN_2023.rules,
    revision: {
      ...HOTAN_2023.rules.revision,
      windowUnit,
      windowAmount: windowUnit === REVISION_WINDOW_UNIT.HOURS ? 48 : 2,
      capEvent: isCapped ? HOTAN_2023.rules.revision.capEvent : null,
    },
  },
});

// Any moment of the year, and often one in the days before an instant a rule turns on (a
// calendar boundary or one of the application's own dates), where the lead times run.
function anyMomentFor(app: Application, year: NoticeYear): fc.Arbitrary<Date> {
  const dayStart = (d?: string | null) => (d ? [beijingDayStartMs(d)] : []);
  const dayEnd = (d?: string | null) => (d ? [beijingDayEndMs(d)] : []);
  const instants = [app.returnedAt, app.defence.scheduledAt].flatMap((iso) =>
    iso === null ? [] : [Date.parse(iso)],
  );
  const pivots = [
    ...year.calendar.events.flatMap((e) => [...dayStart(e.startsOn), ...dayEnd(e.endsOn)]),
    ...dayStart(app.evaluationMeetingOn),
    ...dayEnd(app.publicity?.endsOn),
    ...instants,
  ];
  const uniform = fc.date({
    min: new Date('2023-06-01'),
    max: new Date('2024-02-01'),
    noInvalidDate: true,
  });
  if (pivots.length === 0) return uniform;
  const nearPivot = fc
    .tuple(fc.constantFrom(...pivots), fc.integer({ min: -80 * HOUR_MS, max: 8 * HOUR_MS }))
    .map(([pivot, offset]) => new Date(pivot + offset));
  return fc.oneof(uniform, nearPivot, nearPivot);
}

const anyCase = fc
  .tuple(anyApplication, anyYearSpec)
  .chain(([app, spec]) =>
    fc.tuple(fc.constant(app), fc.constant(spec), anyMomentFor(app, noticeYear(spec))),
  );

// The instant an alert names, as the to-do item shows it: its deadline, except that the meeting
// alert leads up to the meeting's start (the applicant's day, else the window) and names that.
function instantShown(alert: Alert, action: NextAction): Date | null {
  if (alert.kind !== 'evaluation_meeting_approaching') return action.deadline;
  if (action.kind !== 'watch_evaluation_meeting') return null;
  const { meetingOn, windowStartsAt } = action.data;
  if (meetingOn !== null) return new Date(beijingDayStartMs(meetingOn));
  return windowStartsAt === null ? null : new Date(windowStartsAt);
}

// The to-do items an alert could be about: the same kind and, for continuing education, year.
function itemsShown(alert: Alert, actions: readonly NextAction[]): NextAction[] {
  const kind = SHOWN_AS[alert.kind];
  return actions.filter(
    (action) =>
      action.kind === kind &&
      (alert.kind !== 'continuing_education_short' ||
        (action.kind === 'complete_continuing_education' && action.data.year === alert.data.year)),
  );
}

// One comparable line per item: its kind, rule, section, deadline and data.
const itemLine = (
  item: { kind: string; ruleId: string; section: string; data: object },
  deadlineMs: number | null,
) => `${item.kind} ${item.ruleId} ${item.section} ${deadlineMs} ${JSON.stringify(item.data)}`;

describe('alertsDue', () => {
  it('names for each due alert an obligation the to-do list shows then, with its deadline and rule', () => {
    fc.assert(
      fc.property(anyCase, ([app, spec, now]) => {
        const year = noticeYear(spec);
        const actions = nextActions(app, year, now);
        for (const alert of alertsDue(app, year, now, NONE)) {
          if (SHOWN_AS[alert.kind] === null) {
            // News of an outcome: told for an outcome status only, and about no deadline.
            const news = [alert.kind, OUTCOMES.includes(app.status), alert.deadline];
            expect(news).toEqual([alert.kind, true, null]);
            continue;
          }
          const shown = itemsShown(alert, actions);
          const about = { alert: alert.kind, shownAs: SHOWN_AS[alert.kind] };
          expect({ ...about, count: shown.length }).toEqual({ ...about, count: 1 });
          const [action] = shown;
          if (action === undefined) continue;
          const { ruleId, section, deadline } = alert;
          expect({ kind: alert.kind, ruleId, section, deadline }).toEqual({
            kind: alert.kind,
            ruleId: action.ruleId,
            section: action.section,
            deadline: instantShown(alert, action),
          });
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('nextActions', () => {
  it('shows every obligation of deriveObligations once, with its deadline, rule and section', () => {
    fc.assert(
      fc.property(anyCase, ([app, spec, now]) => {
        const year = noticeYear(spec);
        const obligations = deriveObligations(app, year, now).map((o) => itemLine(o, o.deadlineMs));
        const actions = nextActions(app, year, now).map((a) =>
          itemLine(a, a.deadline?.getTime() ?? null),
        );
        expect(actions.sort()).toEqual(obligations.sort());
      }),
      { numRuns: 500 },
    );
  });

  it('leads each action where its kind goes, and dates only watch items as the office’s', () => {
    fc.assert(
      fc.property(anyCase, ([app, spec, now]) => {
        const year = noticeYear(spec);
        for (const action of nextActions(app, year, now)) {
          const { kind, target, isTask, isOfficeDeadline } = action;
          expect({ kind, target }).toEqual({ kind, target: actionTarget(kind, year.rules) });
          // The office's steps are never the applicant's to do.
          if (isOfficeDeadline) expect({ kind, isTask }).toEqual({ kind, isTask: false });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('shows no defence once a result is out or the applicant’s meeting day is over', () => {
    fc.assert(
      fc.property(anyCase, ([app, spec, now]) => {
        const hasResult =
          app.publicity !== null ||
          app.qualificationDocumentIssuedOn !== null ||
          app.certificateIssuedAt !== null;
        const meetingOver =
          app.evaluationMeetingOn !== null &&
          now.getTime() >= beijingDayEndMs(app.evaluationMeetingOn);
        if (!hasResult && !meetingOver) return;
        const kinds = nextActions(app, noticeYear(spec), now).map((a) => a.kind);
        expect(kinds).not.toContain('prepare_defence');
        expect(kinds).not.toContain('note_defence_exemption');
      }),
      { numRuns: 500 },
    );
  });
});
