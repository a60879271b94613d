// Upper bounds for one uploaded export. A prefecture's yearly export is a few thousand rows and
// well under a megabyte, so these leave two orders of magnitude of headroom while keeping a
// hostile or mistaken upload (a zip bomb, a whole database dump) from exhausting the server.
export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number; // data rows, the header not counted
  maxZipEntries: number;
  maxUnpackedBytes: number; // sum of the declared uncompressed sizes of all xlsx parts
  // The parts under xl/ (worksheets, shared strings, styles) together: exceljs builds its whole
  // workbook model from them, about 17 bytes of memory per byte of sheet XML (measured: 32 MiB
  // of dense sheet XML peaked at 790 MB RSS, a 100,000-row export of 51 MB at 720 MB).
  maxWorkbookXmlBytes: number;
  // Any one part: exceljs holds a part it does not use as a whole string before dropping it.
  maxPartUnpackedBytes: number;
  maxCompressionRatio: number; // uncompressed / compressed, per xlsx part
}

const MIB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxFileBytes: 50 * MIB,
  maxRows: 1_000_000,
  // An export has about a dozen parts; a workbook with a few sheets a few dozen.
  maxZipEntries: 100,
  maxUnpackedBytes: 64 * MIB,
  // About 60,000 rows of a platform export: more is refused with a hint to upload it as csv,
  // which is read as a stream (1,000,000 rows).
  maxWorkbookXmlBytes: 32 * MIB,
  maxPartUnpackedBytes: 32 * MIB,
  // Sheet XML of real exports compresses 10–30×; deflate tops out near 1032× on constant input.
  maxCompressionRatio: 200,
};
