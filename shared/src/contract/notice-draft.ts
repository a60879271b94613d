import type {
  DraftEvent,
  DraftParameter,
  DraftWarning,
  NoticeCalendarDraft,
} from '../notice-draft/notice-draft.type';

// Limits of the office's notice → calendar draft. A real notice is 10–30 KB of text; the caps
// only keep a wrong paste or a scanned attachment from tying up the server.
export const NOTICE_DRAFT_LIMITS = {
  // UTF-8 bytes of the notice text, pasted or read from a file.
  maxTextBytes: 200 * 1024,
  // Bytes of an uploaded file (a .docx or a saved web page carries markup around the text).
  maxFileBytes: 2 * 1024 * 1024,
  minYear: 2000,
  maxYear: 2100,
} as const;

// The file types a notice may be uploaded as, by extension (browsers and WeChat send unreliable
// MIME types for these).
export const NOTICE_FILE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx'] as const;
export type NoticeFileExtension = (typeof NOTICE_FILE_EXTENSIONS)[number];

export interface NoticeDraftRequest {
  // GB/T 2260 code of the region the notice is for ('6532' 和田地区, '65' the autonomous region).
  regionCode: string;
  // The notice year: dates written without a year take it.
  year: number;
  text: string;
}

// The multipart form of the same request: the text comes from the uploaded `file`.
export type NoticeDraftFileRequest = Omit<NoticeDraftRequest, 'text'>;

export type NoticeDraftEventResponse = DraftEvent;
export type NoticeDraftParameterResponse = DraftParameter;
export type NoticeDraftWarningResponse = DraftWarning;

// A draft only: nothing is stored or published; the office reviews it against the quotes.
export interface NoticeDraftResponse extends NoticeCalendarDraft {
  regionCode: string;
  year: number;
  // The text the draft was read from: for an uploaded file, what is saved with the notice.
  text: string;
}
