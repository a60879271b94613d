// What the WeChat module offers for sending subscribe messages (/cgi-bin/message/subscribe/send),
// so that its users depend on this and not on the HTTP client behind it.

export const SUBSCRIBE_SENDER = Symbol('SUBSCRIBE_SENDER');

// The `data` of a subscribe message: one value per template keyword.
export type TemplateData = Record<string, { value: string }>;

export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  page: string;
  data: TemplateData;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

// What became of one send, as the push worker acts on it.
export const SEND_OUTCOME = {
  SENT: 'sent',
  REFUSED: 'refused', // 43101: the user has no subscription for this template; no retry
  RETRY: 'retry', // 45009, -1, 5xx, never reached WeChat: back off and try again
  FAILED: 'failed', // 47003, 40003 and other permanent errors: kept with the reason
  UNKNOWN: 'unknown', // a timeout or reset: the request may have reached WeChat
} as const;
export type SendOutcome = (typeof SEND_OUTCOME)[keyof typeof SEND_OUTCOME];

export interface SendResult {
  outcome: SendOutcome;
  msgId?: string;
  errcode?: number;
  error?: string;
}

// Null where it is injected when WECHAT_APPID/WECHAT_SECRET are not set: pushes are off.
export interface SubscribeSender {
  send(message: SubscribeMessage, now: Date): Promise<SendResult>;
}
