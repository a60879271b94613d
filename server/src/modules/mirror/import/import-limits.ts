// Upper bounds for one uploaded export. A prefecture's yearly export is a few thousand rows and
// well under a megabyte, so these leave two orders of magnitude of headroom while keeping a
// hostile or mistaken upload (a zip bomb, a whole database dump) from exhausting the server.
export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number; // data rows, the header not counted
  maxZipEntries: number;
  maxUnpackedBytes: number; // sum of the declared uncompressed sizes of all xlsx parts
  maxCompressionRatio: number; // uncompressed / compressed, per xlsx part
}

const MIB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxFileBytes: 50 * MIB,
  maxRows: 1_000_000,
  maxZipEntries: 1000,
  maxUnpackedBytes: 1024 * MIB,
  // Sheet XML of real exports compresses 10–30×; deflate tops out near 1032× on constant input.
  maxCompressionRatio: 200,
};
