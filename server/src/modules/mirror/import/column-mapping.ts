import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import {
  APPLICATION_STATUS_LABEL,
  EMPLOYER_KIND,
  TITLE_LEVEL_LABEL,
  TITLE_SERIES_LABEL,
  parsePlatformStatus,
} from '@titletrack/shared/domain';
import type {
  ApplicationStatus,
  EmployerKind,
  TitleLevel,
  TitleSeries,
} from '@titletrack/shared/domain';
import { REGIONS, findRegion } from '@titletrack/shared/region';

export const IMPORT_FIELD = {
  APPLICATION_NO: 'applicationNo',
  APPLICANT_NAME: 'applicantName',
  ID_CARD_NUMBER: 'idCardNumber',
  SERIES: 'series',
  SPECIALTY: 'specialty',
  LEVEL: 'level',
  STATUS: 'status',
  STATUS_CHANGED_AT: 'statusChangedAt',
  EMPLOYER: 'employer',
  COUNTY: 'county',
  YEAR: 'year',
  REGION: 'region',
  ROUTE: 'route',
  SUBMISSION_COUNT: 'submissionCount',
  FEE_PAID: 'feePaid',
  CERTIFICATE_NO: 'certificateNo',
  CERTIFICATE_ISSUED_ON: 'certificateIssuedOn',
  ISSUING_COMMITTEE: 'issuingCommittee',
  QUALIFICATION_DOCUMENT_NO: 'qualificationDocumentNo',
  QUALIFICATION_DOCUMENT_DATE: 'qualificationDocumentDate',
  CERTIFICATE_STATE: 'certificateState',
  CERTIFICATE_REVOKED_REASON: 'certificateRevokedReason',
  RETURN_REASON: 'returnReason',
  EMPLOYER_KIND: 'employerKind',
  FIRST_APPLICATION: 'isFirstApplication',
  DEFENCE_AT: 'defenceScheduledAt',
} as const;
export type ImportField = (typeof IMPORT_FIELD)[keyof typeof IMPORT_FIELD];

// The platform's words for the employer kinds R13 tells apart.
export const EMPLOYER_KIND_LABEL: Readonly<Record<EmployerKind, string>> = {
  [EMPLOYER_KIND.PUBLIC_INSTITUTION]: '事业单位',
  [EMPLOYER_KIND.STATE_ENTERPRISE]: '国有企业',
  [EMPLOYER_KIND.PRIVATE_ENTERPRISE]: '民营企业',
};

export interface ImportColumn {
  field: ImportField;
  header: string; // the name the platform export uses
  synonyms: readonly string[]; // other names accepted for the same column
  isRequired: boolean;
  format: string; // what a cell may hold, for the staff guide
}

// The columns of a platform status export, as documented for staff. The synonyms are names a
// hand-rebuilt sheet is likely to use (a guess, not taken from real exports); each still means
// the same field, and a file using two names for one field is refused as ambiguous.
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: IMPORT_FIELD.APPLICATION_NO,
    header: '申报编号',
    synonyms: ['申报号'],
    isRequired: true,
    format: 'letters, digits and -, 4 to 64 long',
  },
  {
    field: IMPORT_FIELD.APPLICANT_NAME,
    header: '姓名',
    synonyms: ['申报人', '申报人姓名'],
    isRequired: true,
    format: 'text',
  },
  {
    field: IMPORT_FIELD.ID_CARD_NUMBER,
    header: '身份证号',
    synonyms: ['身份证号码', '公民身份号码', '证件号码'],
    isRequired: true,
    format: '18-character ID number (GB 11643), stored as text',
  },
  {
    field: IMPORT_FIELD.SERIES,
    header: '系列',
    synonyms: ['申报系列', '职称系列'],
    isRequired: true,
    format: `a series name, e.g. ${TITLE_SERIES_LABEL.engineering}`,
  },
  {
    field: IMPORT_FIELD.SPECIALTY,
    header: '专业',
    synonyms: ['申报专业'],
    isRequired: true,
    format: 'text',
  },
  {
    field: IMPORT_FIELD.LEVEL,
    header: '级别',
    synonyms: ['申报级别', '资格级别'],
    isRequired: true,
    format: `one of ${Object.values(TITLE_LEVEL_LABEL).join(' / ')}`,
  },
  {
    field: IMPORT_FIELD.STATUS,
    header: '状态',
    synonyms: ['申报状态', '当前状态'],
    isRequired: true,
    format: `a platform status, e.g. ${APPLICATION_STATUS_LABEL.materials_received}`,
  },
  {
    field: IMPORT_FIELD.STATUS_CHANGED_AT,
    header: '状态时间',
    synonyms: ['状态变更时间', '更新时间'],
    isRequired: true,
    format: 'YYYY-MM-DD HH:mm[:ss] or YYYY/MM/DD HH:mm (Beijing time), or ISO 8601 with a zone',
  },
  {
    field: IMPORT_FIELD.EMPLOYER,
    header: '单位',
    synonyms: ['工作单位', '申报单位'],
    isRequired: false,
    format: 'text',
  },
  {
    field: IMPORT_FIELD.COUNTY,
    header: '县市',
    synonyms: ['县（市）', '县(市)', '县市区'],
    isRequired: false,
    format: 'text',
  },
  {
    field: IMPORT_FIELD.YEAR,
    header: '年度',
    synonyms: ['申报年度'],
    isRequired: false,
    format:
      'four digits; without it, the year given with the import, else the year of the published notice whose application window holds the status time',
  },
  {
    field: IMPORT_FIELD.REGION,
    header: '地区',
    synonyms: ['地州', '所属地区'],
    isRequired: false,
    format:
      'a prefecture code (6532) or name (和田地区); defaults to the importing account’s region',
  },
  {
    field: IMPORT_FIELD.ROUTE,
    header: '申报方式',
    synonyms: ['评价方式'],
    isRequired: false,
    format: '地区定向评价 or 推荐自治区评审; defaults to 地区定向评价',
  },
  {
    field: IMPORT_FIELD.SUBMISSION_COUNT,
    header: '提交次数',
    synonyms: ['报送次数'],
    isRequired: false,
    format: 'a whole number, 0 to 99',
  },
  {
    field: IMPORT_FIELD.FEE_PAID,
    header: '缴费状态',
    synonyms: ['是否缴费'],
    isRequired: false,
    format: '已缴费 or 未缴费',
  },
  // The e-certificate columns: filled on rows whose certificate was issued; 证书编号 makes the
  // others (发证日期, 评审委员会) required on that row.
  {
    field: IMPORT_FIELD.CERTIFICATE_NO,
    header: '证书编号',
    synonyms: ['电子证书编号'],
    isRequired: false,
    format: 'letters, digits and -, 4 to 64 long',
  },
  {
    field: IMPORT_FIELD.CERTIFICATE_ISSUED_ON,
    header: '发证日期',
    synonyms: ['证书签发日期'],
    isRequired: false,
    format: 'YYYY-MM-DD or YYYY/M/D',
  },
  {
    field: IMPORT_FIELD.ISSUING_COMMITTEE,
    header: '评审委员会',
    synonyms: ['发证机构', '评委会'],
    isRequired: false,
    format: 'text',
  },
  {
    field: IMPORT_FIELD.QUALIFICATION_DOCUMENT_NO,
    header: '任职资格文件文号',
    synonyms: ['文件文号', '资格文件文号'],
    isRequired: false,
    format: 'text, e.g. 和地职改字〔2023〕12号',
  },
  {
    field: IMPORT_FIELD.QUALIFICATION_DOCUMENT_DATE,
    header: '文件日期',
    synonyms: ['发文日期'],
    isRequired: false,
    format: 'YYYY-MM-DD or YYYY/M/D',
  },
  {
    field: IMPORT_FIELD.CERTIFICATE_STATE,
    header: '证书状态',
    synonyms: [],
    isRequired: false,
    format: '有效 or 已撤销; defaults to 有效',
  },
  {
    field: IMPORT_FIELD.CERTIFICATE_REVOKED_REASON,
    header: '撤销原因',
    synonyms: [],
    isRequired: false,
    format: 'text (required when 证书状态 is 已撤销)',
  },
  // What the platform says beyond the status: why it returned the application (shown to the
  // applicant), and facts the rules read (R11, R13).
  {
    field: IMPORT_FIELD.RETURN_REASON,
    header: '退回意见',
    synonyms: ['退回原因', '审核意见'],
    isRequired: false,
    format: 'text, up to 2000 characters',
  },
  {
    field: IMPORT_FIELD.EMPLOYER_KIND,
    header: '单位性质',
    synonyms: [],
    isRequired: false,
    format: `one of ${Object.values(EMPLOYER_KIND_LABEL).join(' / ')}`,
  },
  {
    field: IMPORT_FIELD.FIRST_APPLICATION,
    header: '是否首次申报',
    synonyms: [],
    isRequired: false,
    format: '是 or 否',
  },
  {
    field: IMPORT_FIELD.DEFENCE_AT,
    header: '答辩时间',
    synonyms: [],
    isRequired: false,
    format: 'YYYY-MM-DD HH:mm (Beijing time), or ISO 8601 with a zone',
  },
];

export interface ResolvedColumns {
  byField: Partial<Record<ImportField, string>>; // field → the header as written in the file
  missing: string[]; // documented names of required columns the file lacks
  ambiguous: string[]; // documented names of columns the file has under two names
}

// Headers are compared without whitespace, so 身份证 号 and a full-width space still match.
export function resolveColumns(headers: readonly string[]): ResolvedColumns {
  const resolved: ResolvedColumns = { byField: {}, missing: [], ambiguous: [] };
  const byKey = new Map<string, string[]>();
  for (const header of headers) {
    const key = headerKey(header);
    byKey.set(key, [...(byKey.get(key) ?? []), header]);
  }
  for (const { field, header, synonyms, isRequired } of IMPORT_COLUMNS) {
    const found = [header, ...synonyms].flatMap((name) => byKey.get(headerKey(name)) ?? []);
    const first = found[0];
    if (first === undefined) {
      if (isRequired) resolved.missing.push(header);
      continue;
    }
    if (found.length > 1) resolved.ambiguous.push(header);
    resolved.byField[field] = first;
  }
  return resolved;
}

export function missingColumns(headers: readonly string[]): string[] {
  return resolveColumns(headers).missing;
}

function headerKey(header: string): string {
  return header.replace(/\s+/g, '');
}

// Label lookups also accept the wire value itself, so a sheet exported from TitleTrack imports.
const LEVEL_BY_TEXT = byLabelOrValue(TITLE_LEVEL_LABEL);
const SERIES_BY_TEXT = byLabelOrValue(TITLE_SERIES_LABEL);
const ROUTE_BY_TEXT = byLabelOrValue<EvaluationRoute>({
  [EVALUATION_ROUTE.PREFECTURE_DIRECTED]: '地区定向评价',
  [EVALUATION_ROUTE.REGION]: '推荐自治区评审',
});
const FEE_PAID_BY_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['已缴费', true],
  ['未缴费', false],
]);

// The platform's label table (shared/src/domain/platform-status.ts), the same for webhooks and
// polls.
export function parseStatus(text: string): ApplicationStatus | null {
  return parsePlatformStatus(text);
}

export function parseTitleLevel(text: string): TitleLevel | null {
  return LEVEL_BY_TEXT.get(text.trim()) ?? null;
}

// The platform sometimes writes the series with its suffix: 工程技术系列.
export function parseTitleSeries(text: string): TitleSeries | null {
  const trimmed = text.trim();
  return SERIES_BY_TEXT.get(trimmed) ?? SERIES_BY_TEXT.get(trimmed.replace(/系列$/, '')) ?? null;
}

// A prefecture by its GB/T 2260 code or its name (和田地区, or 和田 without the suffix).
export function parseRegion(text: string): string | null {
  const trimmed = text.trim();
  const region =
    findRegion(trimmed) ??
    REGIONS.find(
      (candidate) =>
        candidate.name === trimmed ||
        (trimmed.length >= 2 && candidate.name.replace(/(地区|市|自治州|自治区)$/, '') === trimmed),
    );
  return region?.code ?? null;
}

export function parseRoute(text: string): EvaluationRoute | null {
  return ROUTE_BY_TEXT.get(text.trim()) ?? null;
}

const CERTIFICATE_REVOKED_BY_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['有效', false],
  ['valid', false],
  ['已撤销', true],
  ['revoked', true],
]);

// True when revoked, false when valid, null when neither.
export function parseCertificateRevoked(text: string): boolean | null {
  return CERTIFICATE_REVOKED_BY_TEXT.get(text.trim()) ?? null;
}

const EMPLOYER_KIND_BY_TEXT = byLabelOrValue(EMPLOYER_KIND_LABEL);
const YES_NO_BY_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['是', true],
  ['否', false],
]);

export function parseEmployerKind(text: string): EmployerKind | null {
  return EMPLOYER_KIND_BY_TEXT.get(text.trim()) ?? null;
}

// 是 / 否 → true / false; null when neither.
export function parseYesNo(text: string): boolean | null {
  return YES_NO_BY_TEXT.get(text.trim()) ?? null;
}

export function parseFeePaid(text: string): boolean | null {
  return FEE_PAID_BY_TEXT.get(text.trim()) ?? null;
}

function byLabelOrValue<T extends string>(
  labels: Readonly<Record<T, string>>,
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, label] of Object.entries(labels) as Array<[T, string]>) {
    map.set(label, value);
    map.set(value, value);
  }
  return map;
}
