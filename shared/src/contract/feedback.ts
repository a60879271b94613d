// 投诉建议: since 国办函〔2026〕12号 every government mini-program offers a complaints and
// suggestions entry. An applicant writes to the title office of a region; the office reads it in
// its console and replies, and the reply reaches the applicant's inbox (kind feedback_replied).

export const FEEDBACK_CATEGORY = {
  COMPLAINT: 'complaint', // 投诉
  SUGGESTION: 'suggestion', // 建议
  QUESTION: 'question', // 咨询
  OTHER: 'other', // 其他
} as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORY)[keyof typeof FEEDBACK_CATEGORY];
export const FEEDBACK_CATEGORIES: readonly FeedbackCategory[] = Object.values(FEEDBACK_CATEGORY);

// open: nobody has answered yet; replied: the office answered (the applicant got a message);
// handled: the office closed it, with or without a reply.
export const FEEDBACK_STATE = {
  OPEN: 'open',
  REPLIED: 'replied',
  HANDLED: 'handled',
} as const;
export type FeedbackState = (typeof FEEDBACK_STATE)[keyof typeof FEEDBACK_STATE];
export const FEEDBACK_STATES: readonly FeedbackState[] = Object.values(FEEDBACK_STATE);

export const FEEDBACK_LIMITS = {
  // In characters (code points), after trimming.
  textMaxLength: 1000,
  contactMaxLength: 100,
  replyMaxLength: 1000,
  // Submissions per applicant and UTC day; the next one is refused with RATE_LIMITED.
  perApplicantPerDay: 5,
  // How much of a reply the inbox message carries; the whole reply is on the feedback page.
  replyExcerptLength: 60,
} as const;

// C0/C1 controls except the line feed, and the invisible bidi controls (LRM, RLM, ALM,
// embeddings, overrides, isolates) and the BOM: in a complaint they can only hide or reorder
// what the office reads. ZWJ/ZWNJ stay: Arabic-script Uyghur uses them.
const REFUSED_CHARACTERS =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

export const FEEDBACK_TEXT_PROBLEM = {
  EMPTY: 'empty',
  TOO_LONG: 'too_long',
  REFUSED_CHARACTER: 'refused_character',
} as const;
export type FeedbackTextProblem =
  (typeof FEEDBACK_TEXT_PROBLEM)[keyof typeof FEEDBACK_TEXT_PROBLEM];

export type FeedbackTextCheck =
  { isValid: true; text: string } | { isValid: false; problem: FeedbackTextProblem };

/**
 * Checks a feedback text, a contact or a reply: trimmed (Windows line ends become `\n`), at
 * least `minLength` and at most `maxLength` characters, no control or bidi characters. The
 * mini-app calls it for instant feedback; the server calls it again as the authority.
 *
 * @param value - what was typed
 * @param maxLength - e.g. FEEDBACK_LIMITS.textMaxLength
 * @param minLength - 1 for a text, 0 for an optional contact
 * @example checkFeedbackText('  办理太慢\r\n ', 1000) // { isValid: true, text: '办理太慢' }
 */
export function checkFeedbackText(
  value: string,
  maxLength: number,
  minLength = 1,
): FeedbackTextCheck {
  const lines = value.replace(/\r\n?/g, '\n');
  // Before trimming, which would quietly drop a leading BOM.
  if (REFUSED_CHARACTERS.test(lines)) {
    return { isValid: false, problem: FEEDBACK_TEXT_PROBLEM.REFUSED_CHARACTER };
  }
  const text = lines.trim();
  const length = [...text].length;
  if (length < minLength) return { isValid: false, problem: FEEDBACK_TEXT_PROBLEM.EMPTY };
  if (length > maxLength) return { isValid: false, problem: FEEDBACK_TEXT_PROBLEM.TOO_LONG };
  return { isValid: true, text };
}

// The first `length` characters of a reply, on one line, with an ellipsis when cut.
export function feedbackReplyExcerpt(
  reply: string,
  length: number = FEEDBACK_LIMITS.replyExcerptLength,
): string {
  const characters = [...reply.replace(/\s+/g, ' ').trim()];
  return characters.length <= length
    ? characters.join('')
    : `${characters.slice(0, length).join('')}…`;
}

export interface CreateFeedbackRequest {
  // The region whose title office it is addressed to (GB/T 2260, e.g. '6532').
  regionCode: string;
  category: FeedbackCategory;
  // 1..1000 characters after trimming.
  text: string;
  // How the office may reach me (a phone number, …); optional, at most 100 characters.
  contact?: string | null;
}

// What the applicant sees of their own submissions.
export interface MyFeedbackResponse {
  id: string;
  regionCode: string;
  category: FeedbackCategory;
  text: string;
  contact: string | null;
  state: FeedbackState;
  reply: string | null;
  repliedAt: string | null;
  handledAt: string | null;
  createdAt: string;
}

// Newest first.
export interface MyFeedbackListResponse {
  items: MyFeedbackResponse[];
}

export interface StaffFeedbackListQuery {
  state?: FeedbackState;
  // 1-based.
  page?: number;
  // Default 20, at most 100.
  pageSize?: number;
}

// A row of the office's list: the contact is masked; opening the item shows it (and is audited).
export interface StaffFeedbackSummary {
  id: string;
  regionCode: string;
  category: FeedbackCategory;
  text: string;
  contactMasked: string | null;
  state: FeedbackState;
  createdAt: string;
  repliedAt: string | null;
  handledAt: string | null;
}

// Newest first.
export interface StaffFeedbackListResponse {
  items: StaffFeedbackSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface StaffFeedbackDetail extends StaffFeedbackSummary {
  contact: string | null;
  reply: string | null;
}

export interface ReplyFeedbackRequest {
  // 1..1000 characters after trimming. A second reply replaces the first, and tells the
  // applicant again.
  reply: string;
  // Also mark the item handled.
  isHandled?: boolean;
}

// The inbox message of a reply (inbox kind feedback_replied).
export interface FeedbackRepliedData {
  feedbackId: string;
  category: FeedbackCategory;
  replyExcerpt: string;
}
