import { extname } from 'path';

import * as iconv from 'iconv-lite';
import mammoth from 'mammoth';

import { ERROR_CODE, NOTICE_FILE_EXTENSIONS } from '@titletrack/shared/contract';
import type { NoticeFileExtension } from '@titletrack/shared/contract';
import { assertUnreachable } from '@titletrack/shared/domain';

import { AppException } from '../../common/app.exception';
import { htmlToText } from './html-text.util';

const UTF_8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function noticeFileExtension(fileName: string): NoticeFileExtension | null {
  const extension = extname(fileName).toLowerCase();
  return NOTICE_FILE_EXTENSIONS.find((allowed) => allowed === extension) ?? null;
}

// The notice's text from an uploaded file, as the drafter reads it.
export async function readNoticeFile(bytes: Buffer, fileName: string): Promise<string> {
  const extension = noticeFileExtension(fileName);
  switch (extension) {
    case null:
      throw new AppException(ERROR_CODE.NOTICE_FILE_UNSUPPORTED, 'Unsupported notice file type');
    case '.txt':
    case '.md':
      return decodeText(bytes);
    case '.html':
    case '.htm':
      return htmlToText(decodeText(bytes));
    case '.docx':
      return readDocx(bytes);
    default:
      return assertUnreachable(extension);
  }
}

// Offices save notices from WPS or Word as "纯文本", which on Chinese Windows is GBK (a subset of
// GB18030) without a BOM. Strict UTF-8 goes first because GBK bytes almost never form valid UTF-8,
// while UTF-8 bytes often form valid but wrong GB18030.
export function decodeText(bytes: Buffer): string {
  const body = bytes.subarray(0, 3).equals(UTF_8_BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // iconv-lite never throws: bytes that are not GB18030 either come out as U+FFFD.
    text = iconv.decode(body, 'gb18030');
    if (text.includes('\uFFFD')) throw unreadable('The file is neither UTF-8 nor GB18030 text');
  }
  // A NUL means a binary file renamed .txt, or UTF-16: the drafter would read garbage.
  if (text.includes('\u0000')) throw unreadable('The file is not text');
  return text;
}

async function readDocx(bytes: Buffer): Promise<string> {
  let result: { value: string };
  try {
    result = await mammoth.extractRawText({ buffer: bytes });
  } catch (error) {
    // A renamed .doc, a corrupt or encrypted file: mammoth cannot open the package.
    throw unreadable(`The .docx file could not be read: ${(error as Error).message}`);
  }
  return result.value;
}

function unreadable(message: string): AppException {
  return new AppException(ERROR_CODE.NOTICE_FILE_UNREADABLE, message);
}
