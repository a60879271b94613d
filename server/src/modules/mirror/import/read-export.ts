import * as ExcelJS from 'exceljs';
import Papa from 'papaparse';

import { missingColumns } from './column-mapping';
import { decodeCsvBytes } from './decode-csv';
import type { CsvEncoding, ForcedCsvEncoding } from './decode-csv';
import { IMPORT_FILE_ERROR_REASON, ImportFileError } from './import-file.error';
import type { ImportLimits } from './import-limits';
import { assertSafeXlsx } from './xlsx-guard';

export const EXPORT_FORMAT = {
  CSV: 'csv',
  XLSX: 'xlsx',
} as const;
export type ExportFormat = (typeof EXPORT_FORMAT)[keyof typeof EXPORT_FORMAT];

export interface ExportRow {
  rowNumber: number; // the row staff see in Excel (the header is 1 unless a title sits above it)
  cells: Record<string, string>; // by header, as written (untrimmed); absent cells are ''
  // Headers whose xlsx cell held a number of 15+ digits. Excel keeps 15 significant digits, so an
  // ID number typed as a number has already lost its tail; validation refuses these cells.
  longNumberColumns: readonly string[];
}

export interface ExportTable {
  format: ExportFormat;
  encoding?: CsvEncoding; // csv only: what the bytes were decoded as
  headers: string[]; // trimmed, in file order; columns with an empty header are dropped
  rows: ExportRow[];
}

export interface ReadExportOptions {
  fileName: string;
  encoding?: ForcedCsvEncoding;
  limits: ImportLimits;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const; // PK\x03\x04, the first local file header
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const; // legacy .xls
const LONG_NUMBER_MIN = 1e14; // the smallest 15-digit number
const NO_COLUMNS: readonly string[] = Object.freeze([]);

// What a whole-file read found, beside its rows.
export interface ExportFileInfo {
  format: ExportFormat;
  encoding?: CsvEncoding;
  headers: string[];
  rowCount: number;
}

// Reads a platform status export into header-keyed text rows, refusing files that are too big,
// malformed or empty. Every cell becomes text so that validation has one input shape for csv
// and xlsx alike.
export async function readExportTable(
  bytes: Buffer,
  options: ReadExportOptions,
): Promise<ExportTable> {
  const rows: ExportRow[] = [];
  const { format, encoding, headers } = await streamExportRows(bytes, options, (chunk) => {
    for (const row of chunk) rows.push(row);
  });
  return { format, ...(encoding === undefined ? {} : { encoding }), headers, rows };
}

// The same read, handing the rows over `chunkRows` at a time as the parser reaches them (csv),
// so a caller can check and apply the start of a large file while the rest is being parsed.
// A refusal found late (a ragged row near the end) still throws, after earlier chunks were
// handed over: callers that apply chunks do so in a transaction.
export async function streamExportRows(
  bytes: Buffer,
  options: ReadExportOptions,
  onRows: (rows: ExportRow[], headers: string[]) => void,
  chunkRows = 500,
): Promise<ExportFileInfo> {
  const { limits } = options;
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportFileError(
      IMPORT_FILE_ERROR_REASON.FILE_TOO_LARGE,
      `The file has ${bytes.length} bytes; at most ${limits.maxFileBytes} are allowed`,
      { fileBytes: bytes.length, maxFileBytes: limits.maxFileBytes },
    );
  }
  if (bytes.length === 0) {
    throw new ImportFileError(IMPORT_FILE_ERROR_REASON.EMPTY_FILE, 'The file is empty');
  }
  const format = detectFormat(bytes, options.fileName);
  const builder = new TableBuilder(limits, onRows, chunkRows, format === EXPORT_FORMAT.CSV);
  if (format === EXPORT_FORMAT.XLSX) {
    await readXlsx(bytes, limits, builder);
    return builder.finish(format);
  }
  const encoding = readCsv(bytes, options.encoding, builder);
  return { ...builder.finish(format), encoding };
}

// The bytes decide over the name: staff rename files, and a zip is never a usable csv.
function detectFormat(bytes: Buffer, fileName: string): ExportFormat {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, ZIP_MAGIC)) return EXPORT_FORMAT.XLSX;
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new ImportFileError(
      IMPORT_FILE_ERROR_REASON.UNSUPPORTED_FORMAT,
      'Legacy .xls workbooks are not supported; save the export as .xlsx or .csv',
      { extension },
    );
  }
  if (extension === 'xlsx') {
    throw new ImportFileError(
      IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX,
      'The file is named .xlsx but is not a zip package',
    );
  }
  if (extension === 'csv') return EXPORT_FORMAT.CSV;
  throw new ImportFileError(
    IMPORT_FILE_ERROR_REASON.UNSUPPORTED_FORMAT,
    'Only .xlsx and .csv exports are supported',
    { extension },
  );
}

function readCsv(
  bytes: Buffer,
  forcedEncoding: ForcedCsvEncoding | undefined,
  builder: TableBuilder,
): CsvEncoding {
  const { text, encoding } = decodeCsvBytes(bytes, forcedEncoding);
  // papaparse parses a platform export about five times faster than csv-parse, which was a
  // third of a 1,000,000-row import. Excel shows each record as one row and each empty line as
  // an empty row, so records are counted with empty lines (a record of one empty cell) kept.
  let recordCount = 0;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    step: ({ data: record, errors }) => {
      recordCount += 1;
      const firstError = errors[0];
      if (firstError !== undefined) throw malformedCsv(firstError.code, recordCount);
      if (record.length === 1 && record[0] === '') return; // an empty line
      builder.add(recordCount, record.map(textCell));
    },
  });
  return encoding;
}

// Excel's "Unicode text" save is tab-separated; staff sometimes rename it .csv.
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

// Only papaparse's error code is kept: its message could one day quote the offending cell (an
// ID number, a name).
function malformedCsv(code: string, rowNumber: number): ImportFileError {
  return new ImportFileError(
    IMPORT_FILE_ERROR_REASON.MALFORMED_CSV,
    `The csv cannot be parsed at row ${rowNumber} (${code})`,
    { rowNumber, csvError: code },
  );
}

function textCell(value: string): CellText {
  return { text: value, isLongNumber: false };
}

async function readXlsx(bytes: Buffer, limits: ImportLimits, builder: TableBuilder): Promise<void> {
  await assertSafeXlsx(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own `Buffer extends ArrayBuffer`, which a Node Buffer no
    // longer satisfies; at run time JSZip takes a Node Buffer as is, without a copy.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(
      IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX,
      `The workbook cannot be read: ${cause}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) {
    throw new ImportFileError(IMPORT_FILE_ERROR_REASON.EMPTY_FILE, 'The workbook has no sheet');
  }
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellText[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell);
    });
    // eachCell skips absent cells, leaving holes; a hole is an empty cell.
    builder.add(
      rowNumber,
      Array.from(cells, (cell) => cell ?? EMPTY_CELL),
    );
  });
}

interface CellText {
  text: string;
  isLongNumber: boolean;
}
const EMPTY_CELL: CellText = { text: '', isLongNumber: false };

function cellText(cell: ExcelJS.Cell): CellText {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
      return EMPTY_CELL;
    case ExcelJS.ValueType.Merge:
      // A merged range reads as its top-left value in every covered cell, as staff see it.
      return cell.master === cell ? EMPTY_CELL : cellText(cell.master);
    case ExcelJS.ValueType.Formula:
      // The cached result is whatever the last program to save the file computed (or nothing:
      // exceljs and scripts write none), so it is never trusted; validation refuses the formula.
      return { text: `=${cell.formula}`, isLongNumber: false };
    case ExcelJS.ValueType.Number: {
      const value = cell.value as number;
      return { text: String(value), isLongNumber: Math.abs(value) >= LONG_NUMBER_MIN };
    }
    case ExcelJS.ValueType.Date:
      return { text: formatDate(cell.value as Date), isLongNumber: false };
    default:
      return { text: valueText(cell.value), isLongNumber: false };
  }
}

function valueText(value: ExcelJS.CellValue | ExcelJS.CellRichTextValue['richText']): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return value.map((run) => run.text).join('');
  if ('richText' in value) return valueText(value.richText);
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in value) return valueText(value.text);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return `=${value.formula ?? ''}`;
  return '';
}

// exceljs turns a date serial into the Date whose UTC fields are the wall time typed in Excel;
// the sheet has no zone, so the wall time is kept and validation reads it as Beijing time.
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const iso = date.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

// The platform writes a title row (和田地区2023年度职称申报人员名单) above the header, often with a
// blank row between them, so the header is looked for in the first rows: the first that names
// every required column.
export const HEADER_SEARCH_ROWS = 10;

// Collects rows for both formats: finds the header (above), skips rows whose cells are all blank
// (Excel writes ",,,," for formatted empty rows) and enforces the row cap as it goes, so a csv
// over the cap is refused before it is all in memory. Rows leave in chunks through `onRows`.
class TableBuilder {
  private headers: string[] | null = null;
  private columns: Array<{ index: number; header: string }> = [];
  private rows: ExportRow[] = [];
  private rowCount = 0;
  // Non-blank rows of the first HEADER_SEARCH_ROWS that name too few columns to be the header.
  private candidates: Array<{ rowNumber: number; cells: readonly CellText[] }> = [];
  private isSearchOver = false;
  private headerCellCount = 0;

  constructor(
    private readonly limits: ImportLimits,
    private readonly onRows: (rows: ExportRow[], headers: string[]) => void,
    private readonly chunkRows: number,
    // csv: every row below the header has its cell count (rows above it, a title in one cell,
    // may be shorter); an xlsx row ends at its last filled cell.
    private readonly isRectangular: boolean,
  ) {}

  add(rowNumber: number, cells: readonly CellText[]): void {
    if (this.headers === null && !this.isSearchOver && rowNumber > HEADER_SEARCH_ROWS) {
      this.endHeaderSearch();
    }
    if (this.headers !== null) {
      this.addData(rowNumber, cells);
      return;
    }
    if (isBlank(cells)) return;
    // Only blank rows in the search window: the first row with anything is the header.
    if (this.isSearchOver || missingColumns(headerNames(cells)).length === 0) {
      this.setHeader(cells);
      this.candidates = [];
      return;
    }
    this.candidates.push({ rowNumber, cells });
  }

  // No row of the window names every required column: the one naming the most (the first of
  // equals) is taken as the header, so the refusal lists what it lacks, and the rows below it
  // become data again.
  private endHeaderSearch(): void {
    this.isSearchOver = true;
    const candidates = this.candidates;
    this.candidates = [];
    let bestIndex = -1;
    let fewestMissing = Number.POSITIVE_INFINITY;
    candidates.forEach(({ cells }, index) => {
      const missing = missingColumns(headerNames(cells)).length;
      if (missing < fewestMissing) {
        fewestMissing = missing;
        bestIndex = index;
      }
    });
    const best = candidates[bestIndex];
    if (best === undefined) return;
    this.setHeader(best.cells);
    for (const { rowNumber, cells } of candidates.slice(bestIndex + 1)) {
      this.addData(rowNumber, cells);
    }
  }

  private addData(rowNumber: number, cells: readonly CellText[]): void {
    if (this.isRectangular && cells.length !== this.headerCellCount) {
      const { headerCellCount } = this;
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.MALFORMED_CSV,
        `Row ${rowNumber} has ${cells.length} cells; the header has ${headerCellCount}`,
        { rowNumber, cellCount: cells.length, headerCellCount },
      );
    }
    if (isBlank(cells)) return;
    if (this.rowCount >= this.limits.maxRows) {
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.TOO_MANY_ROWS,
        `The file has more than ${this.limits.maxRows} data rows`,
        { maxRows: this.limits.maxRows },
      );
    }
    const values: Record<string, string> = {};
    let longNumberColumns: string[] | null = null;
    for (const { index, header } of this.columns) {
      const cell = cells[index] ?? EMPTY_CELL;
      values[header] = cell.text;
      if (cell.isLongNumber) (longNumberColumns ??= []).push(header);
    }
    this.rows.push({
      rowNumber,
      cells: values,
      longNumberColumns: longNumberColumns ?? NO_COLUMNS,
    });
    this.rowCount += 1;
    if (this.rows.length >= this.chunkRows) this.flush();
  }

  finish(format: ExportFormat): ExportFileInfo {
    if (this.headers === null && !this.isSearchOver) this.endHeaderSearch();
    if (this.headers === null || this.rowCount === 0) {
      throw new ImportFileError(IMPORT_FILE_ERROR_REASON.EMPTY_FILE, 'The file has no data rows');
    }
    this.flush();
    return { format, headers: this.headers, rowCount: this.rowCount };
  }

  private flush(): void {
    if (this.rows.length === 0 || this.headers === null) return;
    const rows = this.rows;
    this.rows = [];
    this.onRows(rows, this.headers);
  }

  private setHeader(cells: readonly CellText[]): void {
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    cells.forEach((cell, index) => {
      const header = cell.text.trim();
      // Exports often carry trailing unnamed columns; they hold nothing we map.
      if (header === '') return;
      if (seen.has(header)) duplicates.add(header);
      seen.add(header);
      this.columns.push({ index, header });
    });
    if (duplicates.size > 0) {
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.DUPLICATE_COLUMNS,
        'The header names a column more than once',
        { columns: [...duplicates] },
      );
    }
    this.headers = this.columns.map((column) => column.header);
    this.headerCellCount = cells.length;
  }
}

function isBlank(cells: readonly CellText[]): boolean {
  return cells.every((cell) => cell.text.trim() === '');
}

function headerNames(cells: readonly CellText[]): string[] {
  return cells.map((cell) => cell.text.trim()).filter((name) => name !== '');
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
