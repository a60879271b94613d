import { FEEDBACK_LIMITS, FEEDBACK_STATES, checkFeedbackText } from '@titletrack/shared/contract';
import type { FeedbackState } from '@titletrack/shared/contract';
import { assertUnreachable } from '@titletrack/shared/domain';

import { OFFICE_TEXT } from '../office-text';

const TEXT = OFFICE_TEXT.feedback;

export type FeedbackStateFilter = FeedbackState | 'all';

// The list's filter: every state, then each one.
export const FEEDBACK_STATE_OPTIONS: ReadonlyArray<{ value: FeedbackStateFilter; label: string }> =
  [
    { value: 'all', label: TEXT.allStates },
    ...FEEDBACK_STATES.map((state) => ({ value: state, label: TEXT.states[state] ?? state })),
  ];

// The shared rule the server applies again: the reply to send, or why it cannot be sent.
export function checkReply(reply: string): { reply: string } | { problem: string } {
  const check = checkFeedbackText(reply, FEEDBACK_LIMITS.replyMaxLength);
  if (check.isValid) return { reply: check.text };
  switch (check.problem) {
    case 'empty':
      return { problem: TEXT.replyEmpty };
    case 'too_long':
      return { problem: TEXT.replyTooLong };
    case 'refused_character':
      return { problem: TEXT.replyRefused };
    default:
      return assertUnreachable(check.problem);
  }
}

// A list cell shows the start of the text; the whole text is in the opened item.
export function textExcerpt(text: string, length = 40): string {
  const characters = [...text.replace(/\s+/g, ' ')];
  return characters.length <= length
    ? characters.join('')
    : `${characters.slice(0, length).join('')}…`;
}
