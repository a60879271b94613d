import type { InboxMessage } from '@titletrack/shared/contract';
import { ALERT_KIND } from '@titletrack/shared/domain';
import type { AlertKind } from '@titletrack/shared/domain';

import type { Translate } from '../locales';
import { messageValues } from './message-values';
import { ROUTES } from './routes';

export interface AlertText {
  title: string;
  body: string;
}

// Inbox messages are facts (kind + data); the sentence is made on the phone, in its language.
export function alertText(t: Translate, message: InboxMessage, isRtl: boolean): AlertText {
  const values = messageValues(t, message.data, isRtl);
  // The result has a body per outcome; every other kind has one body.
  if (message.kind === ALERT_KIND.EVALUATION_RESULT) {
    return {
      title: t('inbox.message.evaluation_result.title'),
      body: t(
        message.data.isPassed
          ? 'inbox.message.evaluation_result.bodyPassed'
          : 'inbox.message.evaluation_result.bodyFailed',
      ),
    };
  }
  return {
    title: t(`inbox.message.${message.kind}.title`, values),
    body: t(`inbox.message.${message.kind}.body`, values),
  };
}

const FEE_KINDS: ReadonlySet<AlertKind> = new Set([
  ALERT_KIND.FEE_DUE,
  ALERT_KIND.FEE_DEADLINE_APPROACHING,
]);
const PROGRESS_KINDS: ReadonlySet<AlertKind> = new Set([
  ALERT_KIND.APPLICATION_RETURNED,
  ALERT_KIND.REVISION_DEADLINE_APPROACHING,
  ALERT_KIND.APPLICATION_NOT_ACCEPTED,
  ALERT_KIND.EVALUATION_RESULT,
  ALERT_KIND.QUALIFICATION_DOCUMENT_ISSUED,
  ALERT_KIND.CERTIFICATE_READY,
  ALERT_KIND.PUBLICITY_STARTED,
  ALERT_KIND.PUBLICITY_ENDING,
]);

// The screen a message is about: the fee, the application's progress, or the to-do list.
export function alertTarget(message: InboxMessage): string {
  if (FEE_KINDS.has(message.kind)) return ROUTES.fee;
  if (PROGRESS_KINDS.has(message.kind)) return ROUTES.application(message.applicationId);
  return ROUTES.todo;
}
