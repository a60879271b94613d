import type { EvaluationRoute } from '../calendar/calendar.type';
import type { ApplicationStatus } from './application-status';

// The rule ids of DOMAIN.md; every action, alert and refusal names the rule it comes from.
export const RULE_ID = {
  R1: 'R1',
  R2: 'R2',
  R3: 'R3',
  R4: 'R4',
  R5: 'R5',
  R6: 'R6',
  R7: 'R7',
  R8: 'R8',
  R9: 'R9',
  R10: 'R10',
  R11: 'R11',
  R12: 'R12',
  R13: 'R13',
  R14: 'R14',
  R15: 'R15',
  R16: 'R16',
  R17: 'R17',
  R18: 'R18',
  R19: 'R19',
  R20: 'R20',
} as const;
export type RuleId = (typeof RULE_ID)[keyof typeof RULE_ID];

// 级别. 正高级 + 副高级 are 高级; 助理级 + 员级 are 初级 (see LEVEL_TIER).
export const TITLE_LEVEL = {
  FULL_SENIOR: 'full_senior',
  DEPUTY_SENIOR: 'deputy_senior',
  INTERMEDIATE: 'intermediate',
  ASSISTANT: 'assistant',
  TECHNICIAN: 'technician',
} as const;
export type TitleLevel = (typeof TITLE_LEVEL)[keyof typeof TITLE_LEVEL];

export const TITLE_LEVEL_LABEL: Readonly<Record<TitleLevel, string>> = {
  full_senior: '正高级',
  deputy_senior: '副高级',
  intermediate: '中级',
  assistant: '助理级',
  technician: '员级',
};

// The three tiers the notice prices and rates by (§四(十), §四(十一)).
export const LEVEL_TIER = {
  SENIOR: 'senior',
  INTERMEDIATE: 'intermediate',
  PRIMARY: 'primary',
} as const;
export type LevelTier = (typeof LEVEL_TIER)[keyof typeof LEVEL_TIER];

export const LEVEL_TIER_LABEL: Readonly<Record<LevelTier, string>> = {
  senior: '高级',
  intermediate: '中级',
  primary: '初级',
};

// 系列. Values are wire strings; OTHER keeps the set closed for series the product does not name.
export const TITLE_SERIES = {
  ENGINEERING: 'engineering',
  AGRICULTURE: 'agriculture',
  EDUCATION: 'education',
  HEALTH: 'health',
  ARTS_AND_CRAFTS: 'arts_and_crafts',
  CULTURAL_RELICS: 'cultural_relics',
  EXPERIMENTAL_TECHNOLOGY: 'experimental_technology',
  ART: 'art',
  SPORTS: 'sports',
  TECHNICAL_SCHOOL_TEACHERS: 'technical_school_teachers',
  SECONDARY_VOCATIONAL_TEACHERS: 'secondary_vocational_teachers',
  HIGHER_EDUCATION_TEACHERS: 'higher_education_teachers',
  ECONOMICS: 'economics',
  ACCOUNTING: 'accounting',
  AUDIT: 'audit',
  STATISTICS: 'statistics',
  TRANSLATION: 'translation',
  COMPUTER_SOFTWARE: 'computer_software',
  JOURNALISM: 'journalism',
  PUBLISHING: 'publishing',
  BROADCASTING: 'broadcasting',
  LIBRARY: 'library',
  ARCHIVES: 'archives',
  SOCIAL_WORK: 'social_work',
  OTHER: 'other',
} as const;
export type TitleSeries = (typeof TITLE_SERIES)[keyof typeof TITLE_SERIES];

export const TITLE_SERIES_LABEL: Readonly<Record<TitleSeries, string>> = {
  engineering: '工程技术',
  agriculture: '农业',
  education: '教育',
  health: '卫生健康',
  arts_and_crafts: '工艺美术',
  cultural_relics: '文物博物',
  experimental_technology: '实验技术',
  art: '艺术',
  sports: '体育',
  technical_school_teachers: '技工院校教师',
  secondary_vocational_teachers: '中等职业学校教师',
  higher_education_teachers: '高等学校教师',
  economics: '经济',
  accounting: '会计',
  audit: '审计',
  statistics: '统计',
  translation: '翻译',
  computer_software: '计算机技术与软件',
  journalism: '新闻',
  publishing: '出版',
  broadcasting: '播音主持',
  library: '图书资料',
  archives: '档案',
  social_work: '社会工作',
  other: '其他',
};

// R13 treats private-enterprise applicants differently; the rest are one group.
export const EMPLOYER_KIND = {
  PUBLIC_INSTITUTION: 'public_institution',
  STATE_ENTERPRISE: 'state_enterprise',
  PRIVATE_ENTERPRISE: 'private_enterprise',
} as const;
export type EmployerKind = (typeof EMPLOYER_KIND)[keyof typeof EMPLOYER_KIND];

// R11/R12: the grassroots services the notice names (§四(四), §四(五)).
export const GRASSROOTS_SERVICE = {
  FANG_HUI_JU: 'fang_hui_ju',
  VILLAGE_MOSQUE_MANAGEMENT: 'village_mosque_management',
  SOUTH_XINJIANG_PRESCHOOL_TEACHING: 'south_xinjiang_preschool_teaching',
  INLAND_SERVICE_MANAGEMENT: 'inland_service_management',
} as const;
export type GrassrootsService = (typeof GRASSROOTS_SERVICE)[keyof typeof GRASSROOTS_SERVICE];

export const GRASSROOTS_SERVICE_LABEL: Readonly<Record<GrassrootsService, string>> = {
  fang_hui_ju: '“访惠聚”驻村',
  village_mosque_management: '驻村管寺',
  south_xinjiang_preschool_teaching: '南疆学前教育支教',
  inland_service_management: '内地服务管理',
};

// Calendar days as the notice writes them: Beijing days, both ends inclusive.
export interface DayRange {
  startsOn: string | null; // YYYY-MM-DD
  endsOn: string | null; // YYYY-MM-DD
}

// One year's continuing-education hours as certified (R13).
export interface ContinuingEducationHours {
  year: number;
  totalHours: number;
  professionalHours: number;
}

export interface DefenceInfo {
  scheduledAt: string | null; // ISO instant of the applicant's defence, once the committee sets it
  // The service the applicant did in the application year, if any; whether it exempts is R11's call.
  serviceInApplicationYear: GrassrootsService | null;
}

// What the server mirrors of one application and what nextActions/alertsDue read.
// Instants are ISO strings (the wire format); days are YYYY-MM-DD Beijing days; unknown is null.
export interface Application {
  id: string;
  year: number;
  route: EvaluationRoute;
  level: TitleLevel;
  series: TitleSeries;
  specialty: string;
  status: ApplicationStatus;
  statusChangedAt: string;
  submissionCount: number; // submissions to the committee so far, the first included (R4)
  returnedAt: string | null; // the latest return; read while status is `returned`
  feePaid: boolean;
  defence: DefenceInfo;
  employerKind: EmployerKind;
  isFirstApplication: boolean;
  isContinuingEducationExempt: boolean; // an approved exemption form (R8)
  continuingEducation: readonly ContinuingEducationHours[] | null; // null: not known yet
  employerPublicity: DayRange | null; // R9, before the employer passes the application on
  evaluationMeetingOn: string | null; // the applicant's own committee meeting, once known
  publicity: DayRange | null; // the result publicity after the meeting (§三(四))
  qualificationDocumentIssuedOn: string | null;
  certificateIssuedAt: string | null;
}
