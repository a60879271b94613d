import type {
  GrassrootsService,
  LevelTier,
  RuleId,
  TitleLevel,
  TitleSeries,
} from '../domain/application.type';
import type { CalendarEventKind, CalendarYearDefinition } from './calendar.type';

// A year's notice is its calendar (R3) plus these parameters. Every value a later notice could
// change lives here rather than in code; where the notice was ambiguous, `interpretation` says
// how it was read and why (in Chinese, as shown to staff).

// R4 "退回后 2 日内": counted in hours from the return, or to the end of the Nth Beijing day after it.
export const REVISION_WINDOW_UNIT = {
  HOURS: 'hours',
  CALENDAR_DAYS: 'calendar_days',
} as const;
export type RevisionWindowUnit = (typeof REVISION_WINDOW_UNIT)[keyof typeof REVISION_WINDOW_UNIT];

// R16 skilled-worker certificates (职业资格 / 职业技能等级).
export const SKILL_CERTIFICATE = {
  SENIOR_WORKER: 'senior_worker',
  TECHNICIAN: 'technician',
  SENIOR_TECHNICIAN: 'senior_technician',
} as const;
export type SkillCertificate = (typeof SKILL_CERTIFICATE)[keyof typeof SKILL_CERTIFICATE];

export const SKILL_CERTIFICATE_LABEL: Readonly<Record<SkillCertificate, string>> = {
  senior_worker: '高级工',
  technician: '技师',
  senior_technician: '高级技师',
};

// R1: a (series, levels) pair where a national exam replaces evaluation.
export interface ExamReplacedScope {
  series: TitleSeries;
  levels: readonly TitleLevel[];
}

export interface NoticeContact {
  role: 'contact' | 'supervision';
  name: string | null;
  phone: string;
}

export interface NoticeRules {
  year: number;
  noticeDocumentNumber: string;
  // Where applicants of this route apply online, as the notice names it (null: not named).
  platformUrl?: string | null;
  sections: Readonly<Record<RuleId, string>>; // notice section of each rule, e.g. R4 → 四(一)1
  scope: {
    examReplaced: readonly ExamReplacedScope[];
    interpretation: string;
  };
  revision: {
    windowUnit: RevisionWindowUnit;
    windowAmount: number;
    maxSubmissions: number;
    // The revision deadline never runs past the end of this event (null: no cap).
    capEvent: CalendarEventKind | null;
    interpretation: string;
  };
  publicity: {
    minWorkingDays: number;
    startDayCounts: boolean;
    interpretation: string;
  };
  filing: {
    preWorkFilingBy: string; // YYYY-MM-DD, last day
    preMeetingMinDaysBefore: number;
    preMeetingMaxDaysBefore: number;
    postFilingWithinDays: number;
    interpretation: string;
  };
  fee: {
    amountsCny: Readonly<Record<LevelTier, number>>;
    deadlineEvent: CalendarEventKind;
    interpretation: string;
  };
  paperMaterials: {
    deadlineEvent: CalendarEventKind;
  };
  attachments: {
    // R6: series that also upload the wage file and the post-grade change form.
    wageFileSeries: readonly TitleSeries[];
  };
  continuingEducation: {
    minHoursPerYear: number;
    minProfessionalHours: number;
    countingYears: readonly number[];
    systemProfessionalFromYear: number; // R8: professional certificates from the system from this year
    systemPublicFromYear: number; // R8: public-course certificates from the system from this year
    privateFirstTimeExempt: boolean;
    privateRecentYears: number; // other private-enterprise applicants: this many years up to the application year
    interpretation: string;
  };
  defence: {
    requiredLevels: readonly TitleLevel[];
    exemptServices: readonly GrassrootsService[];
    interpretation: string;
  };
  fastTrack: {
    consecutiveYears: number;
    qualifyingServices: readonly GrassrootsService[];
    interpretation: string;
  };
  skilledWorkerBridge: {
    steps: readonly { certificate: SkillCertificate; minYears: number; level: TitleLevel }[];
    series: readonly TitleSeries[];
    appraisalYears: number;
    waivedConditions: readonly string[];
  };
  falsificationBan: {
    years: number;
    interpretation: string;
  };
  contacts: readonly NoticeContact[];
  // Where paper materials go, as the notice names it (null: the notice names no address).
  officeAddress?: string | null;
  attachmentTemplates: readonly string[];
  alerts: {
    applicationWindowLeadHours: number;
    revisionLeadHours: number;
    feeLeadHours: number;
    paperMaterialsLeadHours: number;
    defenceLeadHours: number;
    meetingLeadHours: number;
    publicityEndLeadHours: number;
    // A status-change alert with no deadline of its own (result, certificate…) stays due this long.
    statusAlertFreshForHours: number;
  };
  urgency: {
    criticalWithinHours: number;
    soonWithinHours: number;
  };
}

// What nextActions and alertsDue take: one notice year for one route.
export interface NoticeYear {
  calendar: CalendarYearDefinition;
  rules: NoticeRules;
}
