import type { BindApplicationRequest } from '@titletrack/shared/contract';
import { checkIdCardNumber, normalizeIdCardNumber } from '@titletrack/shared/domain';
import type { MessageKey } from '@titletrack/shared/locales';

// The binding form's checks before it is sent: the same shapes the server's DTO accepts, and the
// shared ID-number rule (the server checks again). Values are message keys.
export type BindFormErrors = Partial<
  Record<keyof BindApplicationRequest, Extract<MessageKey, `me.bind.${string}`>>
>;

const APPLICATION_NO = /^[A-Za-z0-9-]{4,64}$/;

export function validateBindForm(form: BindApplicationRequest, now: Date): BindFormErrors {
  const errors: BindFormErrors = {};
  if (form.name.trim() === '') errors.name = 'me.bind.nameRequired';
  const idCard = normalizeIdCardNumber(form.idCardNumber);
  if (idCard.length !== 18) errors.idCardNumber = 'me.bind.idCardLength';
  else if (!checkIdCardNumber(idCard, now).isValid) errors.idCardNumber = 'me.bind.idCardInvalid';
  if (!APPLICATION_NO.test(form.applicationNo.trim()))
    errors.applicationNo = 'me.bind.applicationNoInvalid';
  return errors;
}
