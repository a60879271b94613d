import type { ImportRowError } from '@titletrack/shared/contract';
import { BEIJING_UTC_OFFSET_MINUTES, EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import {
  KNOWN_PLATFORM_STATUS_LABELS,
  PERSON_NAME_REFUSAL,
  checkIdCardNumber,
  checkPersonName,
} from '@titletrack/shared/domain';
import type { ApplicationStatus, TitleLevel, TitleSeries } from '@titletrack/shared/domain';

import {
  IMPORT_FIELD,
  parseCertificateRevoked,
  parseEmployerKind,
  parseFeePaid,
  parseRegion,
  parseRoute,
  parseStatus,
  parseTitleLevel,
  parseTitleSeries,
  parseYesNo,
  resolveColumns,
} from './column-mapping';
import type { ImportField } from './column-mapping';
import { IMPORT_FILE_ERROR_REASON, ImportFileError } from './import-file.error';
import { HEADER_SEARCH_ROWS } from './read-export';
import type { ExportRow, ExportTable } from './read-export';
import type { MirroredCertificate, PlatformFactValues } from '../status-change.type';

// One valid row of a platform export, ready to upsert into the mirror.
export interface ImportRecord {
  rowNumber: number;
  applicationNo: string;
  applicantName: string;
  idCardNumber: string; // normalized (GB 11643 valid); the service encrypts it before storing
  employer: string | null;
  county: string | null;
  series: TitleSeries;
  specialty: string;
  level: TitleLevel;
  route: EvaluationRoute;
  // False when the file has no 申报方式 for the row (route is then the default).
  isRouteStated: boolean;
  // Null when the row has no 年度 and the import was given none: the service decides.
  year: number | null;
  // Null when the row names no 地区: the importing account's region.
  regionCode: string | null;
  status: ApplicationStatus;
  statusChangedAt: Date;
  submissionCount: number | null;
  feePaid: boolean | null;
  certificate: MirroredCertificate | null;
  returnReason: string | null;
  platformFacts: PlatformFactValues;
}

// `column` is the header as written in the file, so staff find the cell. `reason` is short
// English for the error report and never quotes the cell: it may be personal data.

export interface ExportValidation {
  records: ImportRecord[]; // rows without any error, in file order
  errors: ImportRowError[]; // every problem of every row, in file order
}

export interface ValidateExportOptions {
  year: number | null; // for rows without a 年度 column or cell; null: decided later
  now: Date; // status times after it are refused; ID birth dates are judged at it
}

const APPLICATION_NO_PATTERN = /^[A-Za-z0-9-]{4,64}$/;
// What Excel writes to csv for a long number in a General cell: 6.53201E+17.
const SCIENTIFIC_PATTERN = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;
const YEAR_PATTERN = /^(\d{4})年?$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const SUBMISSION_COUNT_PATTERN = /^\d{1,2}$/;
// Sheet wall times (the reader writes xlsx dates this way) and what Excel writes to csv
// (2023/7/20 9:05); both are Beijing time, as the platform shows it.
const WALL_TIME_PATTERN = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ZONED_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
// An empty date cell that Excel formatted still yields 1899-12-30 or 1900-01-00; the platform
// started long after 2000, so an earlier time is a spreadsheet artefact, not a status change.
const MIN_STATUS_TIME_MS = Date.UTC(MIN_YEAR, 0, 1) - BEIJING_UTC_OFFSET_MINUTES * 60_000;
// The varchar lengths of the application table (MySQL counts characters, and would refuse the
// whole upsert on one overlong cell).
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  applicantName: 100,
  issuingCommittee: 100,
  qualificationDocumentNo: 100,
  certificateRevokedReason: 200,
  returnReason: 2000,
  specialty: 100,
  employer: 200,
  county: 50,
};

export const IMPORT_ROW_ERROR_REASON = {
  MISSING_VALUE: 'Missing value',
  FORMULA: 'Formula instead of a value',
  NUMBER_LOST_DIGITS: 'Long number lost digits in Excel; store the column as text',
  TOO_LONG: 'Too long',
  INVALID_APPLICATION_NO: 'Invalid application number (4–64 letters, digits or -)',
  UNKNOWN_STATUS: `Unknown status (known: ${KNOWN_PLATFORM_STATUS_LABELS.join(', ')})`,
  NAME_FORMULA_TRIGGER: 'Name starts with = + - or @',
  NAME_EMPTY: 'Name has no visible characters',
  UNKNOWN_LEVEL: 'Unknown level',
  UNKNOWN_SERIES: 'Unknown series',
  UNKNOWN_ROUTE: 'Unknown route',
  UNKNOWN_REGION: 'Unknown region (expected a prefecture code or name)',
  UNKNOWN_FEE_STATUS: 'Unknown fee status (expected 已缴费 or 未缴费)',
  UNKNOWN_EMPLOYER_KIND: 'Unknown employer kind (expected 事业单位, 国有企业 or 民营企业)',
  UNKNOWN_YES_NO: 'Expected 是 or 否',
  INVALID_YEAR: 'Invalid year',
  INVALID_SUBMISSION_COUNT: 'Invalid submission count',
  UNRECOGNISED_TIME: 'Unrecognised time (expected YYYY-MM-DD HH:mm)',
  INVALID_TIME: 'No such date or time',
  TIME_IN_FUTURE: 'Time is in the future',
  TIME_TOO_EARLY: 'Time is before 2000',
  INVALID_DATE: 'No such date (expected YYYY-MM-DD)',
  UNKNOWN_CERTIFICATE_STATE: 'Unknown certificate state (expected 有效 or 已撤销)',
  INVALID_CERTIFICATE_NO: 'Invalid certificate number (4–64 letters, digits or -)',
  REQUIRED_WITH_CERTIFICATE: 'Required when 证书编号 is filled',
  REQUIRED_WHEN_REVOKED: 'Required when the certificate is revoked',
} as const;

// Checks every row of an export and collects every problem, so staff fix the file in one pass.
// Refuses the file as a whole (ImportFileError) only when a required column is missing or
// named twice, since then every row would fail the same way.
export function validateExportRows(
  table: ExportTable,
  options: ValidateExportOptions,
): ExportValidation {
  return new ExportRowValidator(table.headers, options).validate(table.rows);
}

// The same checks, fed a file's rows in order a chunk at a time (an import validates and applies
// chunks side by side); what one chunk saw (application numbers) counts for the next.
export class ExportRowValidator {
  private readonly byField: Partial<Record<ImportField, string>>;
  // Keys are upper-cased: MySQL's default collation compares the unique applicationNo
  // case-insensitively, so AB-1 and ab-1 would collide there.
  private readonly firstRowByApplicationNo = new Map<string, number>();

  constructor(
    headers: string[],
    private readonly options: ValidateExportOptions,
  ) {
    const { byField, missing, ambiguous } = resolveColumns(headers);
    if (missing.length > 0) {
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.MISSING_COLUMNS,
        `The file lacks ${missing.length} required column(s): no row of the first ${HEADER_SEARCH_ROWS} names them all`,
        { columns: missing },
      );
    }
    if (ambiguous.length > 0) {
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.DUPLICATE_COLUMNS,
        'The file has a column under two names',
        { columns: ambiguous },
      );
    }
    this.byField = byField;
  }

  validate(rows: readonly ExportRow[]): ExportValidation {
    const validation: ExportValidation = { records: [], errors: [] };
    for (const row of rows) {
      const result = validateRow(new RowReader(row, this.byField, validation.errors), this.options);
      const { applicationNo } = result;
      if (applicationNo !== null) {
        const key = applicationNo.toUpperCase();
        const firstRow = this.firstRowByApplicationNo.get(key);
        if (firstRow === undefined) {
          this.firstRowByApplicationNo.set(key, row.rowNumber);
        } else {
          result.reader.fail(
            IMPORT_FIELD.APPLICATION_NO,
            `Duplicate application number (first on row ${firstRow})`,
          );
        }
      }
      if (result.reader.isValid && result.value !== null) validation.records.push(result.value);
    }
    return validation;
  }
}

interface RowResult {
  reader: RowReader;
  applicationNo: string | null; // when well-formed, for the duplicate check
  value: ImportRecord | null; // null when a field failed
}

type Parsed<T> = { isValid: true; value: T } | { isValid: false; reason: string };
const accept = <T>(value: T): Parsed<T> => ({ isValid: true, value });
const refuse = (reason: string): Parsed<never> => ({ isValid: false, reason });
const acceptIfKnown = <T>(value: T | null, reason: string): Parsed<T> =>
  value === null ? refuse(reason) : accept(value);
const asText = (text: string): Parsed<string> => accept(text);

function validateRow(reader: RowReader, options: ValidateExportOptions): RowResult {
  const R = IMPORT_ROW_ERROR_REASON;
  const F = IMPORT_FIELD;

  const applicationNo = reader.required(F.APPLICATION_NO, (text) =>
    APPLICATION_NO_PATTERN.test(text) ? accept(text) : refuse(R.INVALID_APPLICATION_NO),
  );
  const applicantName = reader.required(F.APPLICANT_NAME, parsePersonName);
  const idCardNumber = reader.required(F.ID_CARD_NUMBER, (text) => {
    const check = checkIdCardNumber(text, options.now);
    // The reason names the failed rule only; the number itself never enters a report or log.
    return check.isValid ? accept(check.normalized) : refuse(`ID number: ${check.reason}`);
  });
  const series = reader.required(F.SERIES, (text) =>
    acceptIfKnown(parseTitleSeries(text), R.UNKNOWN_SERIES),
  );
  const specialty = reader.required(F.SPECIALTY, asText);
  const level = reader.required(F.LEVEL, (text) =>
    acceptIfKnown(parseTitleLevel(text), R.UNKNOWN_LEVEL),
  );
  const status = reader.required(F.STATUS, (text) =>
    acceptIfKnown(parseStatus(text), R.UNKNOWN_STATUS),
  );
  const statusChangedAt = reader.required(F.STATUS_CHANGED_AT, (text) =>
    parseStatusTime(text, options.now),
  );
  const employer = reader.optional(F.EMPLOYER, asText);
  const county = reader.optional(F.COUNTY, asText);
  const year = reader.optional(F.YEAR, parseYear) ?? options.year;
  const regionCode = reader.optional(F.REGION, (text) =>
    acceptIfKnown(parseRegion(text), R.UNKNOWN_REGION),
  );
  const statedRoute = reader.optional(F.ROUTE, (text) =>
    acceptIfKnown(parseRoute(text), R.UNKNOWN_ROUTE),
  );
  const route = statedRoute ?? EVALUATION_ROUTE.PREFECTURE_DIRECTED;
  const submissionCount = reader.optional(F.SUBMISSION_COUNT, (text) =>
    SUBMISSION_COUNT_PATTERN.test(text) ? accept(Number(text)) : refuse(R.INVALID_SUBMISSION_COUNT),
  );
  const feePaid = reader.optional(F.FEE_PAID, (text) =>
    acceptIfKnown(parseFeePaid(text), R.UNKNOWN_FEE_STATUS),
  );

  const certificate = readCertificate(reader);
  const returnReason = reader.optional(F.RETURN_REASON, asText);
  const employerKind = reader.optional(F.EMPLOYER_KIND, (text) =>
    acceptIfKnown(parseEmployerKind(text), R.UNKNOWN_EMPLOYER_KIND),
  );
  const isFirstApplication = reader.optional(F.FIRST_APPLICATION, (text) =>
    acceptIfKnown(parseYesNo(text), R.UNKNOWN_YES_NO),
  );
  // A defence is usually ahead: its time may be in the future, unlike a status time.
  const defenceAt = reader.optional(F.DEFENCE_AT, parseInstant);
  const platformFacts: PlatformFactValues = {
    ...(employerKind === null ? {} : { employerKind }),
    ...(isFirstApplication === null ? {} : { isFirstApplication }),
    ...(defenceAt === null ? {} : { defenceScheduledAt: defenceAt.toISOString() }),
  };

  if (
    !reader.isValid ||
    applicationNo === null ||
    applicantName === null ||
    idCardNumber === null ||
    series === null ||
    specialty === null ||
    level === null ||
    status === null ||
    statusChangedAt === null
  ) {
    return { reader, applicationNo, value: null };
  }
  return {
    reader,
    applicationNo,
    value: {
      rowNumber: reader.rowNumber,
      applicationNo,
      applicantName,
      idCardNumber,
      employer,
      county,
      series,
      specialty,
      level,
      route,
      isRouteStated: statedRoute !== null,
      year,
      regionCode,
      status,
      statusChangedAt,
      submissionCount,
      feePaid,
      certificate,
      returnReason,
      platformFacts,
    },
  };
}

const CERTIFICATE_NO_PATTERN = /^[A-Za-z0-9-]{4,64}$/;
// What staff type, what Excel writes to csv (2023/12/5) and what the xlsx reader gives for a
// date cell (2023-12-05 00:00:00).
const DATE_PATTERN = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: 00:00(?::00)?)?$/;

function parseCalendarDate(text: string): Parsed<string> {
  const match = DATE_PATTERN.exec(text);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (match === null || wallClockMs(year, month, day, 0, 0, 0) === null)
    return refuse(IMPORT_ROW_ERROR_REASON.INVALID_DATE);
  return accept(`${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

// The e-certificate columns of a row: none filled → no certificate; 证书编号 filled → the issue
// date and the committee too, and a reason when it is revoked.
function readCertificate(reader: RowReader): MirroredCertificate | null {
  const R = IMPORT_ROW_ERROR_REASON;
  const F = IMPORT_FIELD;
  const certificateNo = reader.optional(F.CERTIFICATE_NO, (text) =>
    CERTIFICATE_NO_PATTERN.test(text) ? accept(text) : refuse(R.INVALID_CERTIFICATE_NO),
  );
  if (certificateNo === null) return null;
  const issuedOn = reader.optional(F.CERTIFICATE_ISSUED_ON, parseCalendarDate);
  const issuingCommittee = reader.optional(F.ISSUING_COMMITTEE, asText);
  const qualificationDocumentNo = reader.optional(F.QUALIFICATION_DOCUMENT_NO, asText);
  const qualificationDocumentDate = reader.optional(
    F.QUALIFICATION_DOCUMENT_DATE,
    parseCalendarDate,
  );
  const isRevoked =
    reader.optional(F.CERTIFICATE_STATE, (text) =>
      acceptIfKnown(parseCertificateRevoked(text), R.UNKNOWN_CERTIFICATE_STATE),
    ) ?? false;
  const revokedReason = reader.optional(F.CERTIFICATE_REVOKED_REASON, asText);
  if (issuedOn === null && !reader.hasFailed(F.CERTIFICATE_ISSUED_ON))
    reader.fail(F.CERTIFICATE_ISSUED_ON, R.REQUIRED_WITH_CERTIFICATE);
  if (issuingCommittee === null && !reader.hasFailed(F.ISSUING_COMMITTEE))
    reader.fail(F.ISSUING_COMMITTEE, R.REQUIRED_WITH_CERTIFICATE);
  if (isRevoked && revokedReason === null)
    reader.fail(F.CERTIFICATE_REVOKED_REASON, R.REQUIRED_WHEN_REVOKED);
  if (issuedOn === null || issuingCommittee === null) return null;
  return {
    certificateNo,
    issuedOn,
    issuingCommittee,
    qualificationDocumentNo,
    qualificationDocumentDate,
    isRevoked,
    revokedReason: isRevoked ? revokedReason : null,
  };
}

// Invisible characters are removed, a formula trigger refused: the rule webhooks and polls share.
function parsePersonName(text: string): Parsed<string> {
  const check = checkPersonName(text);
  if (check.isValid) return accept(check.name);
  return refuse(
    check.reason === PERSON_NAME_REFUSAL.EMPTY
      ? IMPORT_ROW_ERROR_REASON.NAME_EMPTY
      : IMPORT_ROW_ERROR_REASON.NAME_FORMULA_TRIGGER,
  );
}

function parseYear(text: string): Parsed<number> {
  const year = Number(YEAR_PATTERN.exec(text)?.[1]);
  const isInRange = year >= MIN_YEAR && year <= MAX_YEAR; // false for NaN, when nothing matched
  return isInRange ? accept(year) : refuse(IMPORT_ROW_ERROR_REASON.INVALID_YEAR);
}

function parseStatusTime(text: string, now: Date): Parsed<Date> {
  const parsed = parseInstant(text);
  if (!parsed.isValid) return parsed;
  if (parsed.value.getTime() > now.getTime()) return refuse(IMPORT_ROW_ERROR_REASON.TIME_IN_FUTURE);
  return parsed;
}

// A Beijing wall time or a zoned ISO time, from 2000 on.
function parseInstant(text: string): Parsed<Date> {
  const R = IMPORT_ROW_ERROR_REASON;
  const wall = WALL_TIME_PATTERN.exec(text);
  const zoned = wall === null ? ZONED_TIME_PATTERN.exec(text) : null;
  const match = wall ?? zoned;
  if (match === null) return refuse(R.UNRECOGNISED_TIME);
  const [, year, month, day, hour, minute, second] = match;
  const offsetMinutes =
    zoned === null ? BEIJING_UTC_OFFSET_MINUTES : zoneOffsetMinutes(zoned[7] ?? 'Z');
  const wallMs = wallClockMs(
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? 0),
  );
  if (wallMs === null) return refuse(R.INVALID_TIME);
  const at = new Date(wallMs - offsetMinutes * 60_000);
  if (at.getTime() < MIN_STATUS_TIME_MS) return refuse(R.TIME_TOO_EARLY);
  return accept(at);
}

// The wall time as if it were UTC, or null when a field is out of range (2023-02-30, 24:00):
// Date.UTC would silently roll those over into the next day.
function wallClockMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | null {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  const isExact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return isExact ? ms : null;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

// Reads one row's cells by field and records its errors. The checks every cell shares (empty,
// digits lost, formula, length) run here, before the field's own parser.
class RowReader {
  isValid = true;
  // Allocated on the first failure only: most rows of a large file have none.
  private failedFields: Set<ImportField> | null = null;

  constructor(
    private readonly row: ExportRow,
    private readonly byField: Partial<Record<ImportField, string>>,
    private readonly errors: ImportRowError[],
  ) {}

  get rowNumber(): number {
    return this.row.rowNumber;
  }

  // Null when the cell is empty (an error) or fails (already recorded).
  required<T>(field: ImportField, parse: (text: string) => Parsed<T>): T | null {
    return this.read(field, true, parse);
  }

  // Null when the column or the cell is absent, or the cell fails (already recorded).
  optional<T>(field: ImportField, parse: (text: string) => Parsed<T>): T | null {
    return this.read(field, false, parse);
  }

  hasFailed(field: ImportField): boolean {
    return this.failedFields?.has(field) ?? false;
  }

  fail(field: ImportField, reason: string): void {
    this.isValid = false;
    (this.failedFields ??= new Set()).add(field);
    // A failing field always has a column: read() returns early when the file lacks one.
    const column = this.byField[field] ?? field;
    this.errors.push({ rowNumber: this.row.rowNumber, column, reason });
  }

  private read<T>(
    field: ImportField,
    isRequired: boolean,
    parse: (text: string) => Parsed<T>,
  ): T | null {
    const R = IMPORT_ROW_ERROR_REASON;
    const header = this.byField[field];
    if (header === undefined) return null; // an optional column the file does not have
    const text = (this.row.cells[header] ?? '').trim();
    if (text === '') {
      if (isRequired) this.fail(field, R.MISSING_VALUE);
      return null;
    }
    if (this.row.longNumberColumns.includes(header) || SCIENTIFIC_PATTERN.test(text)) {
      return this.failed(field, R.NUMBER_LOST_DIGITS);
    }
    // The reader gives xlsx formulas as =…, never their cached result; a csv cell starting with
    // = is a formula too once Excel opens it. Neither is a value we can trust.
    if (text.startsWith('=')) return this.failed(field, R.FORMULA);
    const maxLength = MAX_LENGTH[field];
    if (maxLength !== undefined && Array.from(text).length > maxLength) {
      return this.failed(field, `${R.TOO_LONG} (max ${maxLength} characters)`);
    }
    const parsed = parse(text);
    return parsed.isValid ? parsed.value : this.failed(field, parsed.reason);
  }

  private failed(field: ImportField, reason: string): null {
    this.fail(field, reason);
    return null;
  }
}
