import 'reflect-metadata';

import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { NestFactory } from '@nestjs/core';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type {
  ImportResult,
  ImportRowError,
  ImportRowsInvalidDetails,
} from '@titletrack/shared/contract';
import { findRegion } from '@titletrack/shared/region';

import { AppModule } from '../app.module';
import { AppException } from '../common/app.exception';
import { getConfig } from '../config/env';
import { ImportService } from '../modules/mirror/import.service';
import { toCsv } from '../modules/mirror/import/csv-safety';

const USAGE =
  'Usage: npm run import -- FILE.xlsx|FILE.csv [--encoding utf-8|gb18030] [--year 2023] [--region 6532]';

export interface ImportCliArgs {
  file: string;
  encoding?: 'utf-8' | 'gb18030';
  // For rows without a 年度; absent: the published notice whose application window holds the row.
  year: number | null;
  // For rows without a 地区; absent: PLATFORM_REGION_CODE.
  regionCode: string | null;
}

export function parseImportArgs(argv: string[]): ImportCliArgs {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const file = argv.find(
    (arg, index) => !arg.startsWith('--') && !argv[index - 1]?.startsWith('--'),
  );
  if (!file) throw new Error(`Which file? ${USAGE}`);
  const encoding = value('--encoding');
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'gb18030')
    throw new Error(`Unknown --encoding. ${USAGE}`);
  const yearText = value('--year');
  const year = yearText === undefined ? null : Number(yearText);
  if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100))
    throw new Error(`--year must be a year. ${USAGE}`);
  const regionCode = value('--region') ?? null;
  if (regionCode !== null && !findRegion(regionCode))
    throw new Error(`--region must be a region code such as 6532. ${USAGE}`);
  return { file: resolve(file), encoding, year, regionCode };
}

// The office's report of a refused file: one line per bad cell, written beside the file. Cells
// that spreadsheet programs would run as formulas are neutralised.
export function writeErrorReport(file: string, errors: readonly ImportRowError[]): string {
  const target = errorReportPath(file);
  writeFileSync(
    target,
    toCsv([
      ['行号', '列', '原因'],
      ...errors.map((e) => [String(e.rowNumber), e.column, e.reason]),
    ]),
  );
  return target;
}

const errorReportPath = (file: string): string => `${file}.errors.csv`;

// A file refused for its rows, with where its report of every bad cell was written.
export class ImportRefusedError extends Error {
  constructor(
    readonly refusal: AppException,
    readonly errorCount: number,
    readonly reportPath: string,
  ) {
    super(`Nothing was imported: ${errorCount} problems. Report: ${reportPath}`);
  }
}

const rowsInvalidDetails = (error: unknown): Partial<ImportRowsInvalidDetails> | null =>
  error instanceof AppException && error.code === ERROR_CODE.IMPORT_ROWS_INVALID
    ? ((error.details as Partial<ImportRowsInvalidDetails> | undefined) ?? null)
    : null;

export async function importFromCli(args: ImportCliArgs): Promise<ImportResult> {
  const config = getConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: false,
  });
  const importService = app.get(ImportService);
  try {
    // The server's operator: any region, no staff scope.
    return await importService.importFile({
      bytes: readFileSync(args.file),
      fileName: args.file,
      encoding: args.encoding,
      year: args.year,
      regionCode: args.regionCode ?? config.platformRegionCode,
      staff: null,
      staffUserId: null,
    });
  } catch (error) {
    const details = rowsInvalidDetails(error);
    if (details === null || !(error instanceof AppException)) throw error;
    // The answer holds only the first bad cells; the operator's report holds them all.
    const reportPath = errorReportPath(args.file);
    if (details.reportId) {
      await pipeline(
        await importService.openErrorReport(null, details.reportId),
        createWriteStream(reportPath),
      );
    } else {
      writeErrorReport(args.file, details.errors ?? []);
    }
    throw new ImportRefusedError(
      error,
      details.errorCount ?? details.errors?.length ?? 0,
      reportPath,
    );
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const run = async (): Promise<void> => {
    const args = parseImportArgs(process.argv.slice(2));
    const result = await importFromCli(args);
    process.stdout.write(
      `Imported ${result.rowCount} rows from ${args.file}: ${result.created} created, ${result.changed} changed, ${result.unchanged} unchanged, ${result.skipped.length} skipped.\n`,
    );
    for (const skip of result.skipped)
      process.stdout.write(
        `  ${skip.ref} ${skip.applicationNo}: ${skip.reason} (${skip.detail})\n`,
      );
  };
  // A refusal for bad rows (ImportRefusedError) names its report in its message.
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
