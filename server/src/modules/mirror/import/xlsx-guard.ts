import type { Readable } from 'node:stream';

import * as yauzl from 'yauzl';

import { IMPORT_FILE_ERROR_REASON, ImportFileError } from './import-file.error';
import type { ImportLimits } from './import-limits';

// The ratio check skips small parts: a 20 KB styles.xml may compress 300×, but cannot hurt, and
// the unpacked total still bounds it. Bombs are megabytes to gigabytes per part.
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
// Every xlsx (OOXML package) has it; a zip without it is some other archive renamed .xlsx.
const CONTENT_TYPES_PART = '[Content_Types].xml';

// exceljs (through JSZip) inflates every part of the package into memory before it reads a cell,
// and holds a model of every sheet, so a zip bomb, or a package of many parts each just under the
// ratio check (990 parts of 1 MiB drove a server past 4 GB), would crash the process. This runs
// first and refuses a package that is too big: too many parts, too much unpacked in all, in one
// part, or in the parts exceljs models (see ImportLimits).
// Step 1 reads only the central directory: entry count, declared sizes, ratios. Step 2 inflates
// each part as a stream and discards it, because the declared sizes are the sender's claim:
// yauzl's validateEntrySizes fails a part that inflates past its declared size, so a lying
// header costs at most that size in CPU time and never more than one chunk of memory.
export async function assertSafeXlsx(bytes: Buffer, limits: ImportLimits): Promise<void> {
  const entries = await readCentralDirectory(bytes, limits);
  checkDeclaredSizes(entries, limits);
  await checkActualSizes(bytes);
}

interface DeclaredEntry {
  fileName: string;
  compressedSize: number;
  uncompressedSize: number;
}

async function readCentralDirectory(bytes: Buffer, limits: ImportLimits): Promise<DeclaredEntry[]> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.ZIP_TOO_MANY_ENTRIES,
        `The xlsx package has ${zip.entryCount} parts; at most ${limits.maxZipEntries} are allowed`,
        { entryCount: zip.entryCount, maxZipEntries: limits.maxZipEntries },
      );
    }
    const entries: DeclaredEntry[] = [];
    for await (const entry of zip.eachEntry()) {
      entries.push({
        fileName: entry.fileName,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
      });
    }
    return entries;
  } catch (error) {
    throw asInvalidXlsx(error);
  } finally {
    zip.close();
  }
}

function checkDeclaredSizes(entries: readonly DeclaredEntry[], limits: ImportLimits): void {
  if (!entries.some((entry) => entry.fileName === CONTENT_TYPES_PART)) {
    throw new ImportFileError(
      IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX,
      'The zip has no [Content_Types].xml, so it is not an xlsx workbook',
    );
  }
  let unpackedBytes = 0;
  let workbookXmlBytes = 0;
  for (const entry of entries) {
    unpackedBytes += entry.uncompressedSize;
    if (isWorkbookPart(entry.fileName)) workbookXmlBytes += entry.uncompressedSize;
    const { maxPartUnpackedBytes } = limits;
    if (entry.uncompressedSize > maxPartUnpackedBytes) {
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.ZIP_TOO_LARGE_UNPACKED,
        `An xlsx part unpacks to ${entry.uncompressedSize} bytes; at most ${maxPartUnpackedBytes} are allowed per part`,
        { part: entry.fileName, unpackedBytes: entry.uncompressedSize, maxPartUnpackedBytes },
      );
    }
    const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
    const { maxCompressionRatio } = limits;
    if (entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES && ratio > maxCompressionRatio) {
      throw new ImportFileError(
        IMPORT_FILE_ERROR_REASON.ZIP_SUSPICIOUS_RATIO,
        `An xlsx part inflates ${ratio}×; at most ${maxCompressionRatio}× is allowed`,
        { part: entry.fileName, ratio, maxCompressionRatio },
      );
    }
  }
  const { maxUnpackedBytes, maxWorkbookXmlBytes } = limits;
  if (workbookXmlBytes > maxWorkbookXmlBytes) {
    throw new ImportFileError(
      IMPORT_FILE_ERROR_REASON.WORKBOOK_TOO_LARGE,
      `The workbook's sheets unpack to ${workbookXmlBytes} bytes; at most ${maxWorkbookXmlBytes} are read from an xlsx (upload a larger export as csv)`,
      { workbookXmlBytes, maxWorkbookXmlBytes },
    );
  }
  if (unpackedBytes > maxUnpackedBytes) {
    throw new ImportFileError(
      IMPORT_FILE_ERROR_REASON.ZIP_TOO_LARGE_UNPACKED,
      `The xlsx package unpacks to ${unpackedBytes} bytes; at most ${maxUnpackedBytes} are allowed`,
      { unpackedBytes, maxUnpackedBytes },
    );
  }
}

// exceljs builds its model from the parts under xl/; it reads the rest and drops it.
function isWorkbookPart(fileName: string): boolean {
  return fileName.replace(/^\/+/, '').startsWith('xl/');
}

async function checkActualSizes(bytes: Buffer): Promise<void> {
  const zip = await openZip(bytes);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue; // a directory has no data
      await drain(await zip.openReadStreamPromise(entry));
    }
  } catch (error) {
    throw asInvalidXlsx(error);
  } finally {
    zip.close();
  }
}

async function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  try {
    // autoClose off: the finally blocks close it, also when a limit stops the walk early.
    return await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw asInvalidXlsx(error);
  }
}

async function drain(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // The data is thrown away: only yauzl's size check on the way through matters.
  }
}

// yauzl's messages describe the archive ("invalid comment length", "too many bytes in the
// stream"), not its contents, so they are safe in the log message.
function asInvalidXlsx(error: unknown): ImportFileError {
  if (error instanceof ImportFileError) return error;
  const cause = error instanceof Error ? error.message : String(error);
  return new ImportFileError(
    IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX,
    `The file is not a readable xlsx workbook: ${cause}`,
  );
}
