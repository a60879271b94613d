import { FieldCipher } from '../../../common/crypto/field-cipher';
import type { FieldCipherOptions, SealedValue } from '../../../common/crypto/field-cipher';
import type { CsvEncoding, ForcedCsvEncoding } from './decode-csv';
import { ImportFileError } from './import-file.error';
import type { ImportFileErrorDetails, ImportFileErrorReason } from './import-file.error';
import type { ImportLimits } from './import-limits';
import { readExportTable } from './read-export';
import type { ExportFormat } from './read-export';
import { ExportRowValidator } from './validate-rows';
import type { ImportRecord, ImportRowError } from './validate-rows';

// Everything an import does before it touches the database — read, validate, encrypt — as one
// pure step that emits the file a chunk at a time. It runs in a worker thread (see
// prepare-export.runner.ts) so that it overlaps with the database writes of earlier chunks.

export interface PrepareExportRequest {
  bytes: Uint8Array;
  fileName: string;
  encoding?: ForcedCsvEncoding;
  limits: ImportLimits;
  year: number; // for rows without a 年度 column
  now: Date;
  cipher: FieldCipherOptions;
}

export interface SealedImportRecord extends ImportRecord {
  sealedIdCard: SealedValue;
}

export type PrepareMessage =
  | { kind: 'table'; format: ExportFormat; encoding: CsvEncoding | null; rowCount: number }
  // Valid rows of the chunk (sealed) and every problem of its invalid ones.
  | { kind: 'rows'; records: SealedImportRecord[]; errors: ImportRowError[] }
  // The whole file is refused (ImportFileError, rebuilt on the other side).
  | { kind: 'refused'; reason: ImportFileErrorReason; message: string; details: ImportFileErrorDetails | undefined };

export const PREPARE_CHUNK_ROWS = 500;

export async function prepareExport(request: PrepareExportRequest, emit: (message: PrepareMessage) => void): Promise<void> {
  try {
    const table = await readExportTable(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength), {
      fileName: request.fileName,
      encoding: request.encoding,
      limits: request.limits,
    });
    const validator = new ExportRowValidator(table.headers, { year: request.year, now: request.now });
    emit({ kind: 'table', format: table.format, encoding: table.encoding ?? null, rowCount: table.rows.length });
    const cipher = new FieldCipher(request.cipher);
    let isClean = true;
    for (let i = 0; i < table.rows.length; i += PREPARE_CHUNK_ROWS) {
      const { records, errors } = validator.validate(table.rows.slice(i, i + PREPARE_CHUNK_ROWS));
      isClean &&= errors.length === 0;
      // Once a row is wrong nothing will be applied: the rest is only checked, not encrypted.
      const sealed = isClean ? records.map((record) => ({ ...record, sealedIdCard: cipher.seal(record.idCardNumber) })) : [];
      emit({ kind: 'rows', records: sealed, errors });
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    emit({ kind: 'refused', reason: error.reason, message: error.message, details: error.details });
  }
}
