import type { ImportRowError } from '@titletrack/shared/contract';

import { FieldCipher } from '../../../common/crypto/field-cipher';
import type { FieldCipherOptions, SealedValue } from '../../../common/crypto/field-cipher';
import type { CsvEncoding, ForcedCsvEncoding } from './decode-csv';
import { ImportFileError } from './import-file.error';
import type { ImportFileErrorDetails, ImportFileErrorReason } from './import-file.error';
import type { ImportLimits } from './import-limits';
import { streamExportRows } from './read-export';
import type { ExportFormat } from './read-export';
import { ExportRowValidator } from './validate-rows';
import type { ImportRecord } from './validate-rows';

// Everything an import does before it touches the database — read, validate, encrypt — as one
// pure step that emits the file a chunk at a time. It runs in a worker thread (see
// prepare-export.runner.ts) so that it overlaps with the database writes of earlier chunks.

export interface PrepareExportRequest {
  bytes: Uint8Array;
  fileName: string;
  encoding?: ForcedCsvEncoding;
  limits: ImportLimits;
  year: number | null; // for rows without a 年度 column; null: decided by the service
  now: Date;
  cipher: FieldCipherOptions;
}

export interface SealedImportRecord extends ImportRecord {
  sealedIdCard: SealedValue;
}

export type PrepareMessage =
  // Valid rows of the chunk (sealed) and every problem of its invalid ones.
  | { kind: 'rows'; records: SealedImportRecord[]; errors: ImportRowError[] }
  // The whole file was read: what it was.
  | { kind: 'end'; format: ExportFormat; encoding: CsvEncoding | null; rowCount: number }
  // The whole file is refused (ImportFileError, rebuilt on the other side), possibly after
  // some chunks: the consumer applies chunks in a transaction and rolls it back.
  | {
      kind: 'refused';
      reason: ImportFileErrorReason;
      message: string;
      details: ImportFileErrorDetails | undefined;
    };

export const PREPARE_CHUNK_ROWS = 500;

export async function prepareExport(
  request: PrepareExportRequest,
  emit: (message: PrepareMessage) => void,
): Promise<void> {
  try {
    const cipher = new FieldCipher(request.cipher);
    let validator: ExportRowValidator | null = null;
    let isClean = true;
    const bytes = Buffer.from(
      request.bytes.buffer,
      request.bytes.byteOffset,
      request.bytes.byteLength,
    );
    const options = {
      fileName: request.fileName,
      encoding: request.encoding,
      limits: request.limits,
    };
    const file = await streamExportRows(
      bytes,
      options,
      (rows, headers) => {
        validator ??= new ExportRowValidator(headers, { year: request.year, now: request.now });
        const { records, errors } = validator.validate(rows);
        isClean &&= errors.length === 0;
        // Once a row is wrong nothing will be applied: the rest is only checked, not encrypted.
        const sealed = isClean
          ? records.map((record) => ({ ...record, sealedIdCard: cipher.seal(record.idCardNumber) }))
          : [];
        emit({ kind: 'rows', records: sealed, errors });
      },
      PREPARE_CHUNK_ROWS,
    );
    emit({
      kind: 'end',
      format: file.format,
      encoding: file.encoding ?? null,
      rowCount: file.rowCount,
    });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    emit({ kind: 'refused', reason: error.reason, message: error.message, details: error.details });
  }
}
