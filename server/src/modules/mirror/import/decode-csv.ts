import * as iconv from 'iconv-lite';

import { IMPORT_FILE_ERROR_REASON, ImportFileError } from './import-file.error';

export const CSV_ENCODING = {
  UTF_8: 'utf-8',
  UTF_16LE: 'utf-16le',
  UTF_16BE: 'utf-16be',
  GB18030: 'gb18030',
} as const;
export type CsvEncoding = (typeof CSV_ENCODING)[keyof typeof CSV_ENCODING];

// The encodings staff can pick when detection guesses wrong.
export type ForcedCsvEncoding = typeof CSV_ENCODING.UTF_8 | typeof CSV_ENCODING.GB18030;

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const UTF_8_BOM = [0xef, 0xbb, 0xbf] as const;
const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: CsvEncoding }> = [
  { bytes: UTF_8_BOM, encoding: CSV_ENCODING.UTF_8 },
  { bytes: [0xff, 0xfe], encoding: CSV_ENCODING.UTF_16LE },
  { bytes: [0xfe, 0xff], encoding: CSV_ENCODING.UTF_16BE },
];

// Chinese Excel saves "CSV (逗号分隔)" in the ANSI code page, GBK (CP936), with no BOM; "CSV UTF-8"
// adds a BOM; WPS and scripts often write UTF-8 without one. GB18030 is a superset of GBK, so
// decoding GBK files as GB18030 loses nothing. Strict UTF-8 goes first because GBK bytes almost
// never form valid UTF-8 (Chinese text in GBK trips the decoder within a few characters), while
// UTF-8 bytes often do form valid, wrong GB18030.
export function decodeCsvBytes(bytes: Buffer, forced?: ForcedCsvEncoding): DecodedCsv {
  if (forced !== undefined) {
    const body = forced === CSV_ENCODING.UTF_8 ? withoutBom(bytes, UTF_8_BOM) : bytes;
    return checked({ text: decodeAs(body, forced), encoding: forced });
  }
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      return checked({
        text: decodeAs(bytes.subarray(bom.bytes.length), bom.encoding),
        encoding: bom.encoding,
      });
    }
  }
  const utf8 = tryStrictDecode(bytes, CSV_ENCODING.UTF_8);
  if (utf8 !== null) return checked({ text: utf8, encoding: CSV_ENCODING.UTF_8 });
  return checked({ text: decodeAs(bytes, CSV_ENCODING.GB18030), encoding: CSV_ENCODING.GB18030 });
}

function decodeAs(bytes: Buffer, encoding: CsvEncoding): string {
  if (encoding === CSV_ENCODING.GB18030) {
    // iconv-lite never throws: bytes that are not GB18030 come out as U+FFFD. A strict decoder
    // keeps a U+FFFD that is really in the file; this one cannot tell, so it refuses.
    const text = iconv.decode(bytes, 'gb18030', { stripBOM: true });
    if (text.includes('\uFFFD')) throw undecodable(encoding);
    return text;
  }
  const text = tryStrictDecode(bytes, encoding);
  if (text === null) throw undecodable(encoding);
  return text;
}

function tryStrictDecode(bytes: Buffer, encoding: CsvEncoding): string | null {
  try {
    // ignoreBOM: the caller has already stripped the BOM it detected; any other is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// A NUL means a binary file renamed .csv, or UTF-16 without a BOM: the columns would be garbage.
function checked(decoded: DecodedCsv): DecodedCsv {
  if (decoded.text.includes('\u0000')) throw undecodable(decoded.encoding);
  return decoded;
}

function undecodable(encoding: CsvEncoding): ImportFileError {
  return new ImportFileError(
    IMPORT_FILE_ERROR_REASON.UNDECODABLE_TEXT,
    `The file is not valid ${encoding} text`,
    { encoding },
  );
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function withoutBom(bytes: Buffer, bom: readonly number[]): Buffer {
  return startsWith(bytes, bom) ? bytes.subarray(bom.length) : bytes;
}
