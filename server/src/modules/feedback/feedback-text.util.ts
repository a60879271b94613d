import { ERROR_CODE, checkFeedbackText } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';

// The shared rule as the authority: the trimmed text, or 400 VALIDATION_FAILED naming the field
// and the problem (never the text: it may be personal).
export function feedbackTextOrFail(
  field: string,
  value: string,
  maxLength: number,
  minLength = 1,
): string {
  const check = checkFeedbackText(value, maxLength, minLength);
  if (check.isValid) return check.text;
  throw new AppException(ERROR_CODE.VALIDATION_FAILED, `Feedback ${field} refused`, {
    details: [{ field, reasons: [`${field} ${check.problem}`] }],
  });
}
