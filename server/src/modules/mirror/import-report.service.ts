import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';

import type { ImportRowError } from '@titletrack/shared/contract';

import { toCsvLines } from './import/csv-safety';

// The whole error report of a refused import, as a csv file staff download: the 422 answer
// carries only its first rows (a file of a million bad rows once gave a 572 MB body). Each
// report is a temporary file of this instance, named by a random id and its owner, written as
// the import reads the file and kept for a day. Reports hold row numbers, column names and
// reasons, never cell contents.
const REPORT_DIRECTORY = join(tmpdir(), 'titletrack-import-reports');
const REPORT_TTL_MS = 24 * 3600 * 1000;
const REPORT_HEADER = ['行号', '列', '原因'];
const REPORT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A bound on the disk one report takes (some 300,000 lines): a 50 MiB upload with several bad
// cells in each of its rows would otherwise write a gigabyte. The rest is counted in a last line.
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
// The server's operator (the CLI) owns the reports of imports no staff account made.
const OPERATOR_OWNER = 'operator';

export class ImportErrorReportWriter {
  private bytesWritten = 0;
  private omittedCount = 0;

  constructor(
    readonly id: string,
    private readonly path: string,
    private readonly file: FileHandle,
  ) {}

  async append(errors: readonly ImportRowError[]): Promise<void> {
    if (errors.length === 0) return;
    if (this.bytesWritten >= MAX_REPORT_BYTES) {
      this.omittedCount += errors.length;
      return;
    }
    const lines = toCsvLines(errors.map((e) => [String(e.rowNumber), e.column, e.reason]));
    await this.file.write(lines);
    this.bytesWritten += lines.length;
  }

  async close(): Promise<void> {
    if (this.omittedCount > 0) {
      await this.file.write(
        toCsvLines([['…', '', `${this.omittedCount} more problems not listed`]]),
      );
    }
    await this.file.close();
  }

  // The import was not refused for its rows after all (the file itself was): no report.
  async discard(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

@Injectable()
export class ImportReportService {
  private readonly logger = new Logger(ImportReportService.name);

  async create(ownerStaffUserId: number | null): Promise<ImportErrorReportWriter> {
    await mkdir(REPORT_DIRECTORY, { recursive: true, mode: 0o700 });
    await this.deleteExpired();
    const id = randomUUID();
    const path = reportPath(id, ownerStaffUserId);
    const file = await open(path, 'wx', 0o600);
    await file.write(toCsvLines([REPORT_HEADER], { withBom: true }));
    return new ImportErrorReportWriter(id, path, file);
  }

  // Null when there is no such report, it expired, or another account owns it.
  async open(id: string, ownerStaffUserId: number | null): Promise<ReadStream | null> {
    if (!REPORT_ID_PATTERN.test(id)) return null;
    const path = reportPath(id, ownerStaffUserId);
    const stats = await stat(path).catch(() => null);
    if (stats === null || Date.now() - stats.mtimeMs > REPORT_TTL_MS) return null;
    return createReadStream(path);
  }

  private async deleteExpired(): Promise<void> {
    const names = await readdir(REPORT_DIRECTORY).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      const path = join(REPORT_DIRECTORY, name);
      const stats = await stat(path).catch(() => null);
      if (stats !== null && now - stats.mtimeMs > REPORT_TTL_MS) {
        await rm(path, { force: true });
        this.logger.debug(`Deleted expired import error report ${name}`);
      }
    }
  }
}

function reportPath(id: string, ownerStaffUserId: number | null): string {
  return join(REPORT_DIRECTORY, `${id}.${ownerStaffUserId ?? OPERATOR_OWNER}.csv`);
}
