// Why an uploaded platform export was refused as a whole (as opposed to the per-row errors of
// validateExportRows). The import service maps these to an API error code; `details` carries
// counts and row numbers for the staff UI, never cell contents, so it is safe to log.
export const IMPORT_FILE_ERROR_REASON = {
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  ZIP_TOO_MANY_ENTRIES: 'ZIP_TOO_MANY_ENTRIES',
  ZIP_TOO_LARGE_UNPACKED: 'ZIP_TOO_LARGE_UNPACKED',
  ZIP_SUSPICIOUS_RATIO: 'ZIP_SUSPICIOUS_RATIO',
  // The sheets are more than exceljs can hold in memory: the same export as csv is read as a
  // stream.
  WORKBOOK_TOO_LARGE: 'WORKBOOK_TOO_LARGE',
  NOT_A_VALID_XLSX: 'NOT_A_VALID_XLSX',
  // A csv that cannot be parsed: a ragged row, an unclosed quote.
  MALFORMED_CSV: 'MALFORMED_CSV',
  TOO_MANY_ROWS: 'TOO_MANY_ROWS',
  EMPTY_FILE: 'EMPTY_FILE',
  MISSING_COLUMNS: 'MISSING_COLUMNS',
  // The same column twice (or two synonyms of one column): we cannot tell which one is meant.
  DUPLICATE_COLUMNS: 'DUPLICATE_COLUMNS',
  UNDECODABLE_TEXT: 'UNDECODABLE_TEXT',
} as const;
export type ImportFileErrorReason =
  (typeof IMPORT_FILE_ERROR_REASON)[keyof typeof IMPORT_FILE_ERROR_REASON];

export type ImportFileErrorDetails = Readonly<Record<string, string | number | readonly string[]>>;

export class ImportFileError extends Error {
  constructor(
    readonly reason: ImportFileErrorReason,
    message: string,
    readonly details?: ImportFileErrorDetails,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
