import * as ExcelJS from 'exceljs';

import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import type { ImportLimits } from './import-limits';
import type { ExportTable } from './read-export';

// Builders for platform exports in tests: rows as the platform writes them, then csv text, xlsx
// bytes or an ExportTable. Fixtures stay in the spec that uses them; this only removes the
// boilerplate of writing a file.

export const EXPORT_HEADERS = [
  '申报编号',
  '姓名',
  '身份证号',
  '单位',
  '县市',
  '系列',
  '专业',
  '级别',
  '状态',
  '状态时间',
  '申报方式',
  '提交次数',
  '缴费状态',
] as const;

export type ExportCells = Record<string, string>;

// Valid under GB 11643; 653201199005171232 is the first with a bad check digit.
export const VALID_ID_NUMBERS = ['653201199005171231', '65320119900517124X', '11010519491231002X'];

// 2024-06-01 08:00 Beijing: after every status time below, before nothing that matters.
export const TEST_NOW = new Date('2024-06-01T00:00:00Z');

export const TEST_LIMITS: ImportLimits = { ...DEFAULT_IMPORT_LIMITS };

export function exportRow(index: number, overrides: ExportCells = {}): ExportCells {
  return {
    申报编号: `HT2023-${String(index).padStart(5, '0')}`,
    姓名: index % 2 === 0 ? '阿依古丽·买买提' : '王建国',
    身份证号: VALID_ID_NUMBERS[index % VALID_ID_NUMBERS.length] ?? '',
    单位: '和田地区人民医院',
    县市: '和田市',
    系列: '卫生健康',
    专业: '临床医学',
    级别: '中级',
    状态: '已接收材料',
    状态时间: '2023-07-20 10:05:00',
    申报方式: '地区定向评价',
    提交次数: '1',
    缴费状态: '未缴费',
    ...overrides,
  };
}

// Rows whose application numbers start with `prefix` (make it unique per test run), so tests
// sharing a MySQL database never collide.
export function exportRowsNumbered(
  prefix: string,
  count: number,
  overrides: (index: number) => ExportCells = () => ({}),
): ExportCells[] {
  return Array.from({ length: count }, (_unused, index) =>
    exportRow(index + 1, { 申报编号: `${prefix}-${index + 1}`, ...overrides(index) }),
  );
}

export function exportRows(count: number): ExportCells[] {
  return Array.from({ length: count }, (_unused, index) => exportRow(index + 1));
}

// Comma-separated, CRLF, quoted only where needed: what Excel's "CSV" save writes.
export function exportCsv(
  rows: readonly ExportCells[],
  headers: readonly string[] = EXPORT_HEADERS,
): string {
  const quote = (value: string): string =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = [headers, ...rows.map((row) => headers.map((header) => row[header] ?? ''))];
  return lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
}

export async function exportXlsx(
  rows: readonly ExportCells[],
  headers: readonly string[] = EXPORT_HEADERS,
  edit?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申报状态');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? ''));
  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// A table as readExportTable returns it: header row 1, data from row 2.
export function exportTable(
  rows: readonly ExportCells[],
  headers: readonly string[] = EXPORT_HEADERS,
): ExportTable {
  return {
    format: 'csv',
    encoding: 'utf-8',
    headers: [...headers],
    rows: rows.map((cells, index) => ({
      rowNumber: index + 2,
      cells: Object.fromEntries(headers.map((header) => [header, cells[header] ?? ''])),
      longNumberColumns: [],
    })),
  };
}
