export const WECHAT_PUSH_TOKEN = Symbol('WECHAT_PUSH_TOKEN');

export const WECHAT_PUSH_EVENT = {
  POPUP: 'subscribe_msg_popup_event',
  CHANGE: 'subscribe_msg_change_event',
  SENT: 'subscribe_msg_sent_event',
} as const;
export type WechatPushEvent = (typeof WECHAT_PUSH_EVENT)[keyof typeof WECHAT_PUSH_EVENT];

export interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

export interface TemplateSwitch {
  openId: string;
  templateId: string;
  isOn: boolean;
}

export interface DeliveryFailure {
  msgId: string;
  errorCode: number;
  status: string | null;
}

// What WeChat's message push says about subscribe messages, for the module that keeps their
// state (credits, push results). It registers with WechatPushService, so the WeChat module
// depends on nobody. Each call runs in the transaction that records the push: a listener that
// throws leaves the push unrecorded, and WeChat's retry brings it again.
export interface SubscribePushListener {
  // subscribe_msg_change_event: the user switched a template on or off in WeChat's settings.
  onTemplateSwitched(change: TemplateSwitch): Promise<void>;
  // subscribe_msg_sent_event with an error: WeChat could not deliver a message it had accepted.
  onDeliveryFailed(failure: DeliveryFailure): Promise<void>;
}
