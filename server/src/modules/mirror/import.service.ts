import { createHash } from 'node:crypto';
import type { ReadStream } from 'node:fs';

import { Inject, Injectable, Logger } from '@nestjs/common';

import type {
  ImportResult,
  ImportRowError,
  ImportRowsInvalidDetails,
} from '@titletrack/shared/contract';
import { ERROR_CODE, IMPORT_ERRORS_ANSWERED, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';
import { resolveMirrorYear } from '@titletrack/shared/domain';
import type { MirrorYearOption } from '@titletrack/shared/domain';
import { XINJIANG } from '@titletrack/shared/region';

import { AppException } from '../../common/app.exception';
import { isRegionInStaffScope } from '../../common/staff-scope';
import { UnitOfWork } from '../../database/unit-of-work';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import type { ApplicationEntity } from '../application/application.entity';
import { NoticeYearRegistry } from '../calendar/notice-year-registry.service';
import type { CsvEncoding, ForcedCsvEncoding } from './import/decode-csv';
import { ImportFileError } from './import/import-file.error';
import { DEFAULT_IMPORT_LIMITS } from './import/import-limits';
import type { ImportLimits } from './import/import-limits';
import type { SealedImportRecord } from './import/prepare-export';
import { prepareExportInWorker } from './import/prepare-export.runner';
import type { ExportFormat } from './import/read-export';
import { ImportReportService } from './import-report.service';
import type { ImportErrorReportWriter } from './import-report.service';
import { MirrorRepository } from './mirror.repository';
import { MirrorService } from './mirror.service';
import { CHANGE_SOURCE } from './status-change.type';
import type { ApplyOutcome, StatusChange } from './status-change.type';

export interface ImportRequest {
  bytes: Buffer;
  fileName: string;
  encoding?: ForcedCsvEncoding;
  // For rows without a 年度 column, chosen by the office; null: each such row takes the year of
  // the published notice whose application window holds its status time.
  year: number | null;
  // For rows without a 地区 column: the importing account's region (absent: the deployment's,
  // PLATFORM_REGION_CODE).
  regionCode?: string;
  // Whose scope bounds the rows (null or absent: the server's operator, any region).
  staff?: ImportingStaff | null;
  staffUserId: number | null;
}

export type ImportingStaff = Pick<StaffPrincipal, 'role' | 'regionCode' | 'county' | 'series'>;

// A row with its year and region decided.
type PlacedRecord = SealedImportRecord & { year: number; regionCode: string };

// How many row numbers a refusal lists: enough to find the pattern, never the whole file.
const ROWS_LISTED = 20;

const toChange = (record: PlacedRecord): StatusChange => ({
  ref: `row ${record.rowNumber}`,
  application: {
    applicationNo: record.applicationNo,
    applicantName: record.applicantName,
    idCardNumber: record.idCardNumber,
    sealedIdCard: record.sealedIdCard,
    employer: record.employer,
    county: record.county,
    series: record.series,
    specialty: record.specialty,
    level: record.level,
    route: record.route,
    year: record.year,
    regionCode: record.regionCode,
    status: record.status,
    statusChangedAt: record.statusChangedAt,
    submissionCount: record.submissionCount,
    isFeePaid: record.feePaid,
    returnReason: record.returnReason,
    platformFacts: record.platformFacts,
    // An empty 证书编号 says nothing about a certificate: it never removes one.
    ...(record.certificate === null ? {} : { certificate: record.certificate }),
  },
});

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

interface PreparedExport {
  chunks: PlacedRecord[][];
  format: ExportFormat;
  encoding: CsvEncoding | null;
  rowCount: number;
}

// Turned into the API error by refusal().
class RowsInvalid extends Error {
  constructor(readonly details: ImportRowsInvalidDetails) {
    super(`${details.errorCount} problems in the file; nothing was applied`);
  }
}

// A reason's kind is the reason without its parenthesised detail (the first row of a duplicate,
// a length limit, the known values), so a million duplicates count as one kind.
function errorKind(reason: string): string {
  const detailAt = reason.indexOf(' (');
  return detailAt === -1 ? reason : reason.slice(0, detailAt);
}

// Bad cells as the worker reports them: the first few kept for the answer, every one counted
// and written to the report, so memory stays bounded however many rows are bad.
class RowErrorCollector {
  readonly first: ImportRowError[] = [];
  private readonly counts = new Map<string, number>();
  private total = 0;
  private report: ImportErrorReportWriter | null = null;

  constructor(private readonly openReport: () => Promise<ImportErrorReportWriter>) {}

  get hasErrors(): boolean {
    return this.total > 0;
  }

  async add(errors: readonly ImportRowError[]): Promise<void> {
    if (errors.length === 0) return;
    this.report ??= await this.openReport();
    await this.report.append(errors);
    for (const error of errors) {
      this.total += 1;
      if (this.first.length < IMPORT_ERRORS_ANSWERED) this.first.push(error);
      const kind = errorKind(error.reason);
      this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    }
  }

  async finish(): Promise<ImportRowsInvalidDetails | null> {
    if (this.report === null) return null;
    await this.report.close();
    return {
      errorCount: this.total,
      errors: this.first,
      isTruncated: this.total > this.first.length,
      counts: Object.fromEntries(this.counts),
      reportId: this.report.id,
    };
  }

  async discard(): Promise<void> {
    await this.report?.discard();
  }
}

@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mirrorRepository: MirrorRepository,
    private readonly mirrorService: MirrorService,
    private readonly noticeYears: NoticeYearRegistry,
    private readonly importReports: ImportReportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // The whole error report of an import the same account made; reports are per instance and
  // kept for a day.
  async openErrorReport(staffUserId: number | null, reportId: string): Promise<ReadStream> {
    const report = await this.importReports.open(reportId, staffUserId);
    if (report === null) {
      this.logger.debug(`Import error report ${reportId} not found for its requester`);
      throw new AppException(ERROR_CODE.NOT_FOUND, 'No such import error report');
    }
    return report;
  }

  private get limits(): ImportLimits {
    return { ...DEFAULT_IMPORT_LIMITS, ...this.config.importLimits };
  }

  /**
   * Reads, validates and applies one platform export, all or nothing. First a worker thread
   * reads, checks and encrypts the whole file, outside any transaction: a file with bad rows is
   * refused with every bad row listed and never touches the database, and the writer is never
   * held while the worker parses. Then the rows are applied in one transaction, a chunk at a
   * time, letting other requests be served between chunks.
   */
  async importFile(request: ImportRequest): Promise<ImportResult> {
    const sha256 = createHash('sha256').update(request.bytes).digest('hex');
    try {
      const started = performance.now();
      const prepared = await this.prepare(request);
      const preparedAt = performance.now();
      const result = await this.unitOfWork.write(async () => {
        const batch = await this.mirrorRepository.insertImportBatch({
          fileName: request.fileName.slice(0, 255),
          sha256,
          format: prepared.format,
          rowCount: prepared.rowCount,
          createdCount: 0,
          changedCount: 0,
          unchangedCount: 0,
          skipped: '[]',
          staffUserId: request.staffUserId,
        });
        const sourceRef = `import_batch:${batch.id}`;
        const outcome: ApplyOutcome = { created: 0, changed: 0, unchanged: 0, skipped: [] };
        const staff = request.staff ?? null;
        const takenOver: number[] = [];
        for (const chunk of prepared.chunks) {
          const applied = await this.mirrorService.apply(
            chunk.map(toChange),
            CHANGE_SOURCE.IMPORT,
            sourceRef,
            {
              isPartOfLargerApply: true,
              // Once one row would take over an application, the rest is only checked, so the
              // refusal names every such row.
              mayOverwrite:
                staff === null
                  ? undefined
                  : (stored) => {
                      takenOver.push(...this.rowsTakingOver(staff, chunk, stored));
                      return takenOver.length === 0;
                    },
            },
          );
          outcome.created += applied.created;
          outcome.changed += applied.changed;
          outcome.unchanged += applied.unchanged;
          outcome.skipped.push(...applied.skipped);
          await UnitOfWork.yieldToOtherRequests();
        }
        // Thrown inside the write, so the chunks applied before are rolled back.
        if (takenOver.length > 0) throw this.takeOverRefusal(request, takenOver);
        await this.mirrorRepository.updateImportBatch(batch.id, {
          createdCount: outcome.created,
          changedCount: outcome.changed,
          unchangedCount: outcome.unchanged,
          skipped: JSON.stringify(outcome.skipped),
        });
        return {
          batchId: String(batch.id),
          fileName: request.fileName,
          format: prepared.format,
          encoding: prepared.encoding,
          rowCount: prepared.rowCount,
          ...outcome,
        };
      });
      this.logger.log(
        `Imported ${request.fileName} (batch ${result.batchId}): ${result.created} created, ${result.changed} changed, ${result.unchanged} unchanged, ${result.skipped.length} skipped; read and checked in ${seconds(preparedAt - started)}, applied in ${seconds(performance.now() - preparedAt)}`,
      );
      return result;
    } catch (error) {
      throw this.refusal(request, error);
    }
  }

  // The whole file, read, checked and sealed by the worker; throws when any row is bad.
  private async prepare(request: ImportRequest): Promise<PreparedExport> {
    const chunks: SealedImportRecord[][] = [];
    const errors = new RowErrorCollector(() => this.importReports.create(request.staffUserId));
    let table: { format: ExportFormat; encoding: CsvEncoding | null; rowCount: number } | null =
      null;
    try {
      for await (const message of prepareExportInWorker({
        bytes: request.bytes,
        fileName: request.fileName,
        encoding: request.encoding,
        limits: this.limits,
        year: request.year,
        now: new Date(),
        cipher: this.config.idProtection,
      })) {
        if (message.kind === 'refused')
          throw new ImportFileError(message.reason, message.message, message.details);
        if (message.kind === 'end') {
          table = message;
          continue;
        }
        await errors.add(message.errors);
        // Once a row is bad nothing will be applied: the rest is only checked, not kept.
        if (!errors.hasErrors) chunks.push(message.records);
      }
    } catch (error) {
      await errors.discard();
      throw error;
    }
    const invalid = await errors.finish();
    if (invalid !== null) throw new RowsInvalid(invalid);
    if (table === null) throw new Error('The import worker ended before the end of the file');
    // Another instance may have published a notice since this one last looked.
    await this.noticeYears.refreshIfChanged();
    return {
      chunks: this.place(request, chunks),
      format: table.format,
      encoding: table.encoding,
      rowCount: table.rowCount,
    };
  }

  /**
   * Gives every row its region (its 地区, else the importer's) and year (its 年度, else the
   * import's, else the published notice whose application window holds its status time).
   * Refuses the whole file, before anything is written, when a row lies outside the
   * importer's scope or its year cannot be told: never the calendar year by default.
   */
  private place(request: ImportRequest, chunks: SealedImportRecord[][]): PlacedRecord[][] {
    const notices = request.year === null ? this.noticeYears.all() : [];
    const defaultRegionCode = request.regionCode ?? this.config.platformRegionCode;
    const outOfScope: number[] = [];
    const unknownYear: number[] = [];
    const options = new Map<string, MirrorYearOption>();
    const placed = chunks.map((chunk) =>
      chunk.map((record): PlacedRecord => {
        const regionCode = record.regionCode ?? defaultRegionCode;
        if (request.staff && !this.isRowInScope(request.staff, regionCode, record.county)) {
          outOfScope.push(record.rowNumber);
        }
        let year = record.year ?? request.year;
        if (year === null) {
          const decision = resolveMirrorYear(
            {
              at: record.statusChangedAt,
              regionCode,
              route: record.isRouteStated ? record.route : null,
            },
            notices,
          );
          if (decision.kind === 'year') {
            year = decision.year;
          } else {
            unknownYear.push(record.rowNumber);
            if (decision.kind === 'ambiguous') {
              for (const option of decision.options)
                options.set(`${option.regionCode}:${option.year}:${option.route}`, option);
            }
          }
        }
        return { ...record, regionCode, year: year ?? 0 };
      }),
    );
    if (outOfScope.length > 0) {
      throw new AppException(
        ERROR_CODE.OUT_OF_SCOPE,
        `${outOfScope.length} rows lie outside the importing account's scope; nothing was applied`,
        { details: { rowCount: outOfScope.length, rows: outOfScope.slice(0, ROWS_LISTED) } },
      );
    }
    if (unknownYear.length > 0) {
      throw new AppException(
        ERROR_CODE.IMPORT_YEAR_UNKNOWN,
        `${unknownYear.length} rows without a year match no single published notice; nothing was applied`,
        {
          details: {
            rowCount: unknownYear.length,
            rows: unknownYear.slice(0, ROWS_LISTED),
            // The notices the rows could belong to (several: ambiguous; none: no window holds them).
            candidates: [...options.values()].sort((a, b) => a.year - b.year),
            // Every published notice of the region, to pick one from.
            publishedYears: this.publishedOptions(defaultRegionCode),
            remedies: ['add a 年度 column', 'pass year with the import'],
          },
        },
      );
    }
    return placed;
  }

  // A row's region and county are what the file says; the application it names may already be
  // stored elsewhere. Overwriting it would move another county's (or region's) application into
  // the importer's scope, so the stored one must be in scope too.
  private rowsTakingOver(
    staff: ImportingStaff,
    chunk: readonly PlacedRecord[],
    stored: ReadonlyMap<string, ApplicationEntity>,
  ): number[] {
    return chunk
      .filter((record) => {
        const current = stored.get(record.applicationNo);
        return (
          current !== undefined && !this.isRowInScope(staff, current.regionCode, current.county)
        );
      })
      .map((record) => record.rowNumber);
  }

  private takeOverRefusal(request: ImportRequest, rows: readonly number[]): AppException {
    this.logger.debug(
      `Import of ${request.fileName} refused: ${rows.length} rows name applications outside the importer's scope`,
    );
    return new AppException(
      ERROR_CODE.OUT_OF_SCOPE,
      `${rows.length} rows name applications outside the importing account's scope; nothing was applied`,
      { details: { rowCount: rows.length, rows: rows.slice(0, ROWS_LISTED) } },
    );
  }

  // A county HR bureau imports its own county's rows only; everyone their own region's.
  private isRowInScope(staff: ImportingStaff, regionCode: string, county: string | null): boolean {
    if (!isRegionInStaffScope(staff, regionCode)) return false;
    return staff.role !== STAFF_ROLE.COUNTY_HR_BUREAU || county === staff.county;
  }

  private publishedOptions(regionCode: string): MirrorYearOption[] {
    return this.noticeYears
      .all()
      .filter((notice) => notice.regionCode === regionCode || notice.regionCode === XINJIANG.code)
      .map((notice) => ({
        regionCode: notice.regionCode,
        year: notice.calendar.year,
        route: notice.calendar.route,
        documentNumber: notice.calendar.noticeDocumentNumber,
      }))
      .sort((a, b) => a.year - b.year);
  }

  // A whole-file refusal or bad rows become API errors the office can act on.
  private refusal(request: ImportRequest, error: unknown): unknown {
    if (error instanceof RowsInvalid) {
      this.logger.debug(
        `Import of ${request.fileName} refused: ${error.details.errorCount} bad cells (report ${error.details.reportId})`,
      );
      return new AppException(ERROR_CODE.IMPORT_ROWS_INVALID, error.message, {
        details: error.details,
      });
    }
    if (error instanceof ImportFileError) {
      this.logger.debug(`Import of ${request.fileName} refused: ${error.reason}`);
      return new AppException(ERROR_CODE.IMPORT_FILE_REJECTED, error.message, {
        details: { reason: error.reason, ...error.details },
      });
    }
    return error;
  }
}
