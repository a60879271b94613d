// Error reports go back to staff as csv, and they open them in Excel or WPS. A cell that starts
// with a formula trigger runs as a formula there (CSV injection, OWASP): a crafted applicant
// name like =HYPERLINK(...) in an upload would come back live. Prefixing ' makes the
// spreadsheet show the text as typed.
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r']);
const UTF_8_BOM = '\uFEFF';
const NEEDS_QUOTES_PATTERN = /[",\r\n]/;

export function neutralizeCell(value: string): string {
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

// RFC 4180 csv with CRLF line ends, as bytes: UTF-8 with a BOM, because without the BOM
// Chinese Excel reads the file as GBK and shows mojibake.
export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  return toCsvLines(rows, { withBom: true });
}

// The same lines, for a report written a chunk at a time: only its first chunk has the BOM.
export function toCsvLines(
  rows: readonly (readonly string[])[],
  { withBom = false }: { withBom?: boolean } = {},
): Buffer {
  const lines = rows.map((row) => row.map((value) => quote(neutralizeCell(value))).join(','));
  return Buffer.from(
    (withBom ? UTF_8_BOM : '') + lines.map((line) => `${line}\r\n`).join(''),
    'utf8',
  );
}

function quote(value: string): string {
  return NEEDS_QUOTES_PATTERN.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
