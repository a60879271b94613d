import { DEMO_PERSONA } from '@titletrack/shared/contract';
import type { DeclareFactsRequest, DemoPersona } from '@titletrack/shared/contract';
import {
  APPLICATION_STATUS,
  EMPLOYER_KIND,
  FACT_SOURCE,
  TITLE_LEVEL,
  TITLE_SERIES,
} from '@titletrack/shared/domain';
import type {
  ApplicantFacts,
  ApplicationStatus,
  TitleLevel,
  TitleSeries,
} from '@titletrack/shared/domain';

// The demo applicants seeded outside production: one per main state, each with the
// status history the mirror would hold and a moment of 2023 at which its screens make sense.
// Names and numbers are made up and say "演示" so nobody mistakes them for a real person.

export interface DemoApplicantSeed {
  persona: DemoPersona;
  applicationNo: string;
  applicantName: string;
  // 17 digits; the check digit is computed by the seed, so the number passes validation.
  idCardBody: string;
  level: TitleLevel;
  series: TitleSeries;
  specialty: string;
  employer: string;
  county: string;
  submissionCount: number | null;
  isFeePaid: boolean | null;
  // [status, ISO instant], oldest first; the last one is the current status.
  history: Array<[ApplicationStatus, string]>;
  demoNow: string;
  // What the platform said beyond the status: its 退回意见 and the facts it stated.
  returnReason?: string;
  platformFacts?: ApplicantFacts;
  // What the demo applicant declared in "my facts"; set again at each demo sign-in, so every
  // visitor starts from the same state.
  declaredFacts?: DeclareFactsRequest;
}

const platformFact = <T>(value: T, recordedAt: string) => ({
  value,
  source: FACT_SOURCE.PLATFORM,
  recordedAt,
});

const S = APPLICATION_STATUS;

const REVIEWED_AND_RECEIVED: Array<[ApplicationStatus, string]> = [
  [S.REGISTERED, '2023-07-20T03:00:00Z'],
  [S.DRAFTING, '2023-07-21T03:00:00Z'],
  [S.SUBMITTED, '2023-08-01T03:00:00Z'],
  [S.EMPLOYER_REVIEW, '2023-08-02T03:00:00Z'],
  [S.AUTHORITY_REVIEW, '2023-08-14T03:00:00Z'],
  [S.MATERIALS_RECEIVED, '2023-09-04T03:00:00Z'],
];

const THROUGH_PUBLICITY: Array<[ApplicationStatus, string]> = [
  ...REVIEWED_AND_RECEIVED,
  [S.FEE_PAID, '2023-09-06T03:00:00Z'],
  [S.PAPER_MATERIALS_RECEIVED, '2023-09-20T03:00:00Z'],
  [S.DEFENCE, '2023-10-08T03:00:00Z'],
  [S.EVALUATION_MEETING, '2023-10-16T03:00:00Z'],
  [S.PUBLICITY, '2023-11-13T03:00:00Z'],
  [S.PASSED, '2023-11-20T03:00:00Z'],
];

export const DEMO_APPLICANTS: readonly DemoApplicantSeed[] = [
  {
    persona: DEMO_PERSONA.DRAFTING,
    applicationNo: 'DEMO-2023-0001',
    applicantName: '演示·阿依古丽',
    idCardBody: '65320119900517122',
    level: TITLE_LEVEL.INTERMEDIATE,
    series: TITLE_SERIES.EDUCATION,
    specialty: '小学语文（演示）',
    employer: '和田市第一小学（演示）',
    county: '和田市',
    submissionCount: 0,
    isFeePaid: null,
    history: [
      [S.REGISTERED, '2023-07-20T03:00:00Z'],
      [S.DRAFTING, '2023-07-21T03:00:00Z'],
    ],
    demoNow: '2023-08-20T04:00:00Z',
    // 80 hours this year: 10 short of R13's 90, a to-do until 10 more are declared.
    declaredFacts: {
      continuingEducation: [
        { year: 2021, totalHours: 90, professionalHours: 60 },
        { year: 2022, totalHours: 96, professionalHours: 64 },
        { year: 2023, totalHours: 80, professionalHours: 60 },
      ],
      isFirstApplication: true,
    },
  },
  {
    persona: DEMO_PERSONA.RETURNED,
    applicationNo: 'DEMO-2023-0002',
    applicantName: '演示·买买提',
    idCardBody: '65322119850312151',
    level: TITLE_LEVEL.INTERMEDIATE,
    series: TITLE_SERIES.ENGINEERING,
    specialty: '土木工程（演示）',
    employer: '和田县水利局（演示）',
    county: '和田县',
    // Returned twice: one submission left of three (R4).
    submissionCount: 2,
    isFeePaid: null,
    history: [
      [S.REGISTERED, '2023-07-20T03:00:00Z'],
      [S.DRAFTING, '2023-07-21T03:00:00Z'],
      [S.SUBMITTED, '2023-08-05T03:00:00Z'],
      [S.EMPLOYER_REVIEW, '2023-08-06T03:00:00Z'],
      [S.AUTHORITY_REVIEW, '2023-08-14T03:00:00Z'],
      [S.RETURNED, '2023-08-15T02:00:00Z'],
      [S.SUBMITTED, '2023-08-16T05:00:00Z'],
      [S.AUTHORITY_REVIEW, '2023-08-17T03:00:00Z'],
      [S.RETURNED, '2023-08-20T02:00:00Z'],
    ],
    demoNow: '2023-08-20T06:00:00Z',
    returnReason:
      '（演示）继续教育证书缺少2022年度专业科目学时证明；业绩材料请加盖单位公章后重新上传。',
    platformFacts: {
      employerKind: platformFact(EMPLOYER_KIND.PUBLIC_INSTITUTION, '2023-08-05T03:00:00Z'),
    },
  },
  {
    persona: DEMO_PERSONA.AWAITING_FEE,
    applicationNo: 'DEMO-2023-0003',
    applicantName: '演示·王芳',
    idCardBody: '65322319880821242',
    level: TITLE_LEVEL.DEPUTY_SENIOR,
    series: TITLE_SERIES.HEALTH,
    specialty: '内科学（演示）',
    employer: '和田地区人民医院（演示）',
    county: '和田市',
    submissionCount: 1,
    isFeePaid: false,
    history: REVIEWED_AND_RECEIVED,
    demoNow: '2023-09-12T04:00:00Z',
  },
  {
    persona: DEMO_PERSONA.PASSED,
    applicationNo: 'DEMO-2023-0004',
    applicantName: '演示·热依拉',
    idCardBody: '65322419920105302',
    level: TITLE_LEVEL.INTERMEDIATE,
    series: TITLE_SERIES.AGRICULTURE,
    specialty: '农学（演示）',
    employer: '墨玉县农业农村局（演示）',
    county: '墨玉县',
    submissionCount: 1,
    isFeePaid: true,
    history: THROUGH_PUBLICITY,
    demoNow: '2023-11-22T04:00:00Z',
    platformFacts: {
      // Defended before the meeting: long past at the demo moment.
      defenceScheduledAt: platformFact('2023-10-10T03:00:00.000Z', '2023-10-08T03:00:00Z'),
    },
  },
  {
    persona: DEMO_PERSONA.CERTIFICATE_ISSUED,
    applicationNo: 'DEMO-2023-0005',
    applicantName: '演示·李强',
    idCardBody: '65322519870630411',
    level: TITLE_LEVEL.DEPUTY_SENIOR,
    series: TITLE_SERIES.ENGINEERING,
    specialty: '电气工程（演示）',
    employer: '于田县供电公司（演示）',
    county: '于田县',
    submissionCount: 1,
    isFeePaid: true,
    history: [
      ...THROUGH_PUBLICITY,
      [S.QUALIFICATION_DOCUMENT_ISSUED, '2023-11-28T03:00:00Z'],
      [S.POST_FILED, '2023-12-04T03:00:00Z'],
      [S.CERTIFICATE_ISSUED, '2023-12-18T03:00:00Z'],
    ],
    demoNow: '2023-12-20T04:00:00Z',
  },
];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// GB 11643 check digit (ISO 7064 MOD 11-2), so the demo numbers can be typed into the binding form.
export function withCheckDigit(body: string): string {
  const sum = [...body].reduce(
    (total, digit, index) => total + Number(digit) * (WEIGHTS[index] ?? 0),
    0,
  );
  return `${body}${CHECK_CHARS[sum % 11]}`;
}

export const demoApplicantOf = (persona: DemoPersona): DemoApplicantSeed | undefined =>
  DEMO_APPLICANTS.find((seed) => seed.persona === persona);
