import { FEEDBACK_CATEGORY, FEEDBACK_LIMITS, checkFeedbackText } from '@titletrack/shared/contract';
import type { CreateFeedbackRequest, FeedbackCategory } from '@titletrack/shared/contract';

import type { Translate } from '../../../../locales';

export interface FeedbackForm {
  category: FeedbackCategory;
  text: string;
  contact: string;
}

export const EMPTY_FEEDBACK_FORM: FeedbackForm = {
  category: FEEDBACK_CATEGORY.SUGGESTION,
  text: '',
  contact: '',
};

export interface FeedbackFormProblems {
  text?: string;
  contact?: string;
}

export type FeedbackFormCheck =
  | { isValid: true; request: CreateFeedbackRequest }
  | { isValid: false; problems: FeedbackFormProblems };

// The shared rule the server applies again, for an answer before the tap reaches the network.
export function checkFeedbackForm(
  t: Translate,
  form: FeedbackForm,
  regionCode: string,
): FeedbackFormCheck {
  const max = FEEDBACK_LIMITS.textMaxLength;
  const text = checkFeedbackText(form.text, max);
  const contact = checkFeedbackText(form.contact, FEEDBACK_LIMITS.contactMaxLength, 0);
  const problems: FeedbackFormProblems = {};
  if (!text.isValid) problems.text = t(`feedback.problem.${text.problem}`, { max });
  if (!contact.isValid) {
    problems.contact =
      contact.problem === 'refused_character'
        ? t('feedback.problem.contact_refused_character')
        : t('feedback.problem.contact_too_long', { max: FEEDBACK_LIMITS.contactMaxLength });
  }
  if (!text.isValid || !contact.isValid) return { isValid: false, problems };
  return {
    isValid: true,
    request: {
      regionCode,
      category: form.category,
      text: text.text,
      ...(contact.text === '' ? {} : { contact: contact.text }),
    },
  };
}

// Characters typed, as the limit counts them (an emoji is one).
export const typedLength = (value: string): number => [...value.trim()].length;
