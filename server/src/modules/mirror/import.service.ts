import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { ImportFileError } from './import/import-file.error';
import { DEFAULT_IMPORT_LIMITS } from './import/import-limits';
import type { ImportLimits } from './import/import-limits';
import { readExportTable } from './import/read-export';
import type { ExportTable } from './import/read-export';
import type { ForcedCsvEncoding } from './import/decode-csv';
import { validateExportRows } from './import/validate-rows';
import type { ExportValidation, ImportRecord } from './import/validate-rows';
import { MirrorRepository } from './mirror.repository';
import { MirrorService } from './mirror.service';
import { CHANGE_SOURCE } from './status-change.type';
import type { SkippedChange, StatusChange } from './status-change.type';

export interface ImportRequest {
  bytes: Buffer;
  fileName: string;
  encoding?: ForcedCsvEncoding;
  // For rows without a 年度 column.
  year: number;
  staffUserId: number | null;
}

export interface ImportResult {
  batchId: string;
  fileName: string;
  format: string;
  encoding: string | null;
  rowCount: number;
  created: number;
  changed: number;
  unchanged: number;
  skipped: SkippedChange[];
}

const toChange = (record: ImportRecord): StatusChange => ({
  ref: `row ${record.rowNumber}`,
  application: {
    applicationNo: record.applicationNo,
    applicantName: record.applicantName,
    idCardNumber: record.idCardNumber,
    employer: record.employer,
    county: record.county,
    series: record.series,
    specialty: record.specialty,
    level: record.level,
    route: record.route,
    year: record.year,
    status: record.status,
    statusChangedAt: record.statusChangedAt,
    submissionCount: record.submissionCount,
    isFeePaid: record.feePaid,
  },
});

@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);
  private limits: ImportLimits = DEFAULT_IMPORT_LIMITS;

  constructor(
    private readonly mirrorRepository: MirrorRepository,
    private readonly mirrorService: MirrorService,
  ) {}

  // Tests lower the limits to exercise them without gigabyte fixtures.
  setLimitsForTests(limits: ImportLimits): void {
    this.limits = limits;
  }

  private async readAndValidate(request: ImportRequest): Promise<{ table: ExportTable } & ExportValidation> {
    try {
      const table = await readExportTable(request.bytes, {
        fileName: request.fileName,
        encoding: request.encoding,
        limits: this.limits,
      });
      return { table, ...validateExportRows(table, { year: request.year, now: new Date() }) };
    } catch (error) {
      // Add the context: a whole-file refusal becomes an API error the office can act on.
      if (!(error instanceof ImportFileError)) throw error;
      this.logger.debug(`Import of ${request.fileName} refused: ${error.reason}`);
      throw new AppException(ERROR_CODE.IMPORT_FILE_REJECTED, error.message, {
        details: { reason: error.reason, ...error.details },
      });
    }
  }

  /**
   * Reads, validates and applies one platform export. Every row is checked first; one bad row
   * rejects the whole file with the list of every bad row. A valid file is applied in one
   * transaction, so a failure half-way leaves nothing behind.
   */
  async importFile(request: ImportRequest): Promise<ImportResult> {
    const { table, records, errors } = await this.readAndValidate(request);
    if (errors.length > 0) {
      this.logger.debug(`Import of ${request.fileName} refused: ${errors.length} bad cells`);
      throw new AppException(ERROR_CODE.IMPORT_ROWS_INVALID, `${errors.length} problems in the file; nothing was applied`, {
        details: { errorCount: errors.length, errors },
      });
    }
    const sha256 = createHash('sha256').update(request.bytes).digest('hex');
    return this.mirrorRepository.transaction(async (tx) => {
      const batch = await tx.insertImportBatch({
        fileName: request.fileName.slice(0, 255),
        sha256,
        format: table.format,
        rowCount: records.length,
        createdCount: 0,
        changedCount: 0,
        unchangedCount: 0,
        skipped: '[]',
        staffUserId: request.staffUserId,
      });
      const outcome = await this.mirrorService.applyIn(tx, records.map(toChange), CHANGE_SOURCE.IMPORT, `import_batch:${batch.id}`);
      await tx.updateImportBatch(batch.id, {
        createdCount: outcome.created,
        changedCount: outcome.changed,
        unchangedCount: outcome.unchanged,
        skipped: JSON.stringify(outcome.skipped),
      });
      return {
        batchId: String(batch.id),
        fileName: request.fileName,
        format: table.format,
        encoding: table.encoding ?? null,
        rowCount: records.length,
        ...outcome,
      };
    });
  }
}
