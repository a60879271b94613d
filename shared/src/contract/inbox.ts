import type { AlertDataByKind, AlertKind } from '../domain/alerts';
import type { FeedbackRepliedData } from './feedback';

// The in-app inbox: every alert the planner creates lands here, whatever happens to its push.
// Texts are rendered on the device from `kind` + `data` (in the applicant's language); the
// server stores facts, not sentences.

// What became of the WeChat push of an inbox message; the inbox itself never depends on it.
export const PUSH_STATE = {
  PENDING: 'pending', // waiting for a worker (or for quiet hours to end)
  SENT: 'sent',
  NO_SUBSCRIPTION: 'no_subscription', // no send credit for the template: the app should ask again
  REFUSED: 'refused', // 43101: the user refused this template
  OUTCOME_UNKNOWN: 'outcome_unknown', // a worker died after the request may have reached WeChat
  FAILED: 'failed', // dead-letter after the last retry, or a permanent error (47003, 40003)
  NOT_APPLICABLE: 'not_applicable', // H5 sign-in without an openid, or no template configured
} as const;
export type PushState = (typeof PUSH_STATE)[keyof typeof PUSH_STATE];

// Inbox kinds that are not planned alerts: written by an office's action, never pushed by WeChat.
export const INBOX_ONLY_KIND = {
  FEEDBACK_REPLIED: 'feedback_replied',
} as const;
export type InboxOnlyKind = (typeof INBOX_ONLY_KIND)[keyof typeof INBOX_ONLY_KIND];
export type InboxMessageKind = AlertKind | InboxOnlyKind;

export interface InboxOnlyDataByKind {
  feedback_replied: FeedbackRepliedData;
}

// The office answered a complaint or suggestion: no application, no rule, no deadline.
export interface FeedbackRepliedMessage {
  id: string;
  applicationId: null;
  kind: typeof INBOX_ONLY_KIND.FEEDBACK_REPLIED;
  ruleId: '';
  section: '';
  deadline: null;
  data: InboxOnlyDataByKind['feedback_replied'];
  createdAt: string;
  readAt: string | null;
  pushState: PushState;
}

export type AlertInboxMessage = {
  [K in AlertKind]: {
    id: string;
    // Null for an alert about no application (a notice was published).
    applicationId: string | null;
    kind: K;
    ruleId: string;
    // The notice section the alert comes from, e.g. "三、(二)".
    section: string;
    // The deadline the alert is about (ISO 8601, UTC), if any.
    deadline: string | null;
    data: AlertDataByKind[K];
    createdAt: string;
    readAt: string | null;
    pushState: PushState;
  };
}[AlertKind];

export type InboxMessage = AlertInboxMessage | FeedbackRepliedMessage;

export interface InboxPageQuery {
  // 1-based.
  page?: number;
  // Default 20, at most 100.
  pageSize?: number;
}

// Newest first.
export interface InboxPageResponse {
  items: InboxMessage[];
  page: number;
  pageSize: number;
  total: number;
  unread: number;
}

export interface UnreadCountResponse {
  unread: number;
}

export interface MarkAllReadResponse {
  marked: number;
}

// One template per alert kind (config); the mini-app asks `Taro.requestSubscribeMessage` for
// these ids. Kinds without a configured template are absent.
export interface SubscriptionTemplatesResponse {
  templates: Array<{ kind: AlertKind; templateId: string }>;
  // Long-term subscriptions (government-service accounts): one accept is enough for good.
  isLongTerm: boolean;
}

// The result object of `Taro.requestSubscribeMessage`, per template id, as WeChat gives it.
export type SubscribeDecision = 'accept' | 'reject' | 'ban' | 'filter';

export interface ReportSubscriptionsRequest {
  results: Record<string, SubscribeDecision>;
  // The errCode of a failed call (e.g. 20004: the user's main switch is off), if it failed.
  errorCode?: number;
}

export interface SubscriptionStatusResponse {
  // Send credits left per template id (each accept is one; long-term: null = unlimited).
  credits: Array<{ templateId: string; kind: AlertKind; remaining: number | null }>;
  // True after the user turned the main switch off (20004): the app explains instead of asking.
  isMainSwitchOff: boolean;
}
