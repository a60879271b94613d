import type { EligibilityAnswer } from '@titletrack/shared/domain';
import type { MessageKey } from '@titletrack/shared/locales';

import type { Translate } from '../locales';

// The server names the reason by a key under `eligibility.reasons`; a key this build does not
// know yet (a newer server) says the verdict in general words rather than showing a raw key.
export function reasonText(t: Translate, answer: EligibilityAnswer): string {
  const fallback = t(`guide.eligibility.verdict.${answer.verdict}`);
  if (!answer.reason.startsWith('eligibility.reasons.')) return fallback;
  return t(answer.reason as MessageKey, { ...answer.values, defaultValue: fallback });
}
