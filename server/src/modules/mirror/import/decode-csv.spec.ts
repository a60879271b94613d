import * as iconv from 'iconv-lite';

import { decodeCsvBytes } from './decode-csv';
import { IMPORT_FILE_ERROR_REASON } from './import-file.error';

const TEXT = '申报编号,姓名,状态\r\nHT2023-00001,王建国,已接收材料\r\n';
// Uyghur names (Arabic script) are outside GBK; GB18030 encodes them in four bytes.
const UYGHUR_TEXT = '姓名\r\nئابدۇرېھىم\r\n';
const UTF_8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM as utf-8', () => {
    expect(decodeCsvBytes(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads GBK bytes without a BOM (Chinese Excel "CSV") as gb18030', () => {
    const bytes = iconv.encode(TEXT, 'gbk');

    expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads four-byte GB18030 characters such as Uyghur letters', () => {
    const bytes = iconv.encode(UYGHUR_TEXT, 'gb18030');

    expect(decodeCsvBytes(bytes)).toEqual({ text: UYGHUR_TEXT, encoding: 'gb18030' });
  });

  it('honours and strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([UTF_8_BOM, Buffer.from(TEXT, 'utf8')]);

    expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('honours and strips a UTF-16LE BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);

    expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('honours and strips a UTF-16BE BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16-be')]);

    expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('uses a forced gb18030 without detecting', () => {
    const bytes = iconv.encode(TEXT, 'gbk');

    expect(decodeCsvBytes(bytes, 'gb18030')).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('uses a forced encoding even where detection would pick another', () => {
    // UTF-8 bytes that also happen to be valid GB18030: forcing gives the (wrong) GB18030 reading.
    const result = decodeCsvBytes(Buffer.from('申报编号', 'utf8'), 'gb18030');

    expect(result).toEqual({ text: '鐢虫姤缂栧彿', encoding: 'gb18030' });
  });

  it('strips a UTF-8 BOM under a forced utf-8', () => {
    const bytes = Buffer.concat([UTF_8_BOM, Buffer.from(TEXT, 'utf8')]);

    expect(decodeCsvBytes(bytes, 'utf-8')).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('refuses GBK bytes under a forced utf-8', () => {
    expect(() => decodeCsvBytes(iconv.encode(TEXT, 'gbk'), 'utf-8')).toThrow(
      expect.objectContaining({ reason: IMPORT_FILE_ERROR_REASON.UNDECODABLE_TEXT }),
    );
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const bytes = Buffer.from([0x41, 0x81, 0x20, 0x42]);

    expect(() => decodeCsvBytes(bytes)).toThrow(
      expect.objectContaining({ reason: IMPORT_FILE_ERROR_REASON.UNDECODABLE_TEXT }),
    );
  });

  it('refuses text with NUL characters, as UTF-16 without a BOM has', () => {
    expect(() => decodeCsvBytes(Buffer.from(TEXT, 'utf16le'))).toThrow(
      expect.objectContaining({ reason: IMPORT_FILE_ERROR_REASON.UNDECODABLE_TEXT }),
    );
  });

  it('reads no bytes as empty utf-8 text', () => {
    expect(decodeCsvBytes(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('does not mutate the input', () => {
    const bytes = Buffer.concat([UTF_8_BOM, Buffer.from(TEXT, 'utf8')]);
    const copy = Buffer.from(bytes);

    decodeCsvBytes(bytes);

    expect(bytes.equals(copy)).toBe(true);
  });
});
