import { INBOX_ONLY_KIND } from '@titletrack/shared/contract';
import type { InboxMessage } from '@titletrack/shared/contract';
import { ALERT_KIND, beijingDateOf } from '@titletrack/shared/domain';
import type { AlertKind } from '@titletrack/shared/domain';

import type { Translate } from '../locales';
import { messageValues } from './message-values';
import { regionName } from './region-name';
import { ROUTES } from './routes';
import { zhValues } from './zh-slot';

export interface AlertText {
  title: string;
  body: string;
  // In right-to-left Uyghur: the Chinese data (an office's note, a notice title) the body's slots
  // stand for, shown marked as Chinese.
  zh?: Record<string, string>;
}

// Inbox messages are facts (kind + data); the sentence is made on the phone, in its language.
export function alertText(t: Translate, message: InboxMessage, isRtl: boolean): AlertText {
  // The office's own words: shown as typed, not run through the date and number formatting.
  if (message.kind === INBOX_ONLY_KIND.FEEDBACK_REPLIED) {
    const { data } = message;
    const reply = zhValues({ replyExcerpt: data.replyExcerpt }, isRtl);
    return {
      title: t('inbox.message.feedback_replied.title', {
        category: t(`feedback.category.${data.category}`),
      }),
      body: t('inbox.message.feedback_replied.body', reply.values),
      ...(isRtl ? { zh: reply.zh } : {}),
    };
  }
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
  if (message.kind === ALERT_KIND.CALENDAR_DATE_CHANGED) {
    const { data } = message;
    // The notice's steps are Beijing days: the window reads as its first and last day.
    const day = (instant: string, isEnd: boolean): string => {
      const date = beijingDateOf(new Date(instant).getTime() - (isEnd ? 1 : 0));
      return isRtl ? `\u2066${date}\u2069` : date;
    };
    const window = (startsAt: string | null, endsAt: string): string =>
      startsAt === null
        ? day(endsAt, true)
        : t('inbox.message.calendar_date_changed.window', {
            startsAt: day(startsAt, false),
            endsAt: day(endsAt, true),
          });
    const note = data.note.trim();
    const quoted = zhValues({ note }, isRtl);
    return {
      title: t('inbox.message.calendar_date_changed.title', values),
      body: t('inbox.message.calendar_date_changed.body', {
        event: t(`calendar.kind.${data.eventKind}`),
        oldWindow: window(data.oldStartsAt, data.oldEndsAt),
        newWindow: window(data.newStartsAt, data.newEndsAt),
        note: note ? t('inbox.message.calendar_date_changed.note', quoted.values) : '',
      }).trim(),
      ...(isRtl && note ? { zh: quoted.zh } : {}),
    };
  }
  if (message.kind === ALERT_KIND.NOTICE_PUBLISHED) {
    const quoted = zhValues(
      { title: message.data.title, documentNumber: message.data.documentNumber },
      isRtl,
    );
    const named = {
      ...values,
      ...quoted.values,
      regionName: regionName(t, message.data.regionCode, message.data.regionName),
    };
    return {
      title: t('inbox.message.notice_published.title', named),
      body: t('inbox.message.notice_published.body', named),
      ...(isRtl ? { zh: quoted.zh } : {}),
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

// Alerts about a region's notice rather than an application: they may come with no application.
const CALENDAR_KINDS: ReadonlySet<AlertKind> = new Set([
  ALERT_KIND.CALENDAR_DATE_CHANGED,
  ALERT_KIND.NOTICE_PUBLISHED,
]);

// The screen a message is about: the calendar, the fee, the application's progress, or the
// to-do list. A message without an application opens the calendar or the list of applications;
// an office's reply to feedback opens the 投诉建议 page.
export function alertTarget(message: InboxMessage): string {
  if (message.kind === INBOX_ONLY_KIND.FEEDBACK_REPLIED) return ROUTES.feedback;
  if (CALENDAR_KINDS.has(message.kind)) return ROUTES.calendar;
  if (FEE_KINDS.has(message.kind)) return ROUTES.fee;
  // The inbox contract is moving to `applicationId: string | null`.
  const applicationId: string | null = message.applicationId;
  if (PROGRESS_KINDS.has(message.kind))
    return ROUTES.application(applicationId === null ? undefined : applicationId);
  return ROUTES.todo;
}
