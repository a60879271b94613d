// The state of an inbox message's WeChat push; claimed, ready and sending show as `pending` on
// the wire.
export const PUSH_ROW_STATE = {
  PENDING: 'pending',
  CLAIMED: 'claimed',
  READY: 'ready', // claimed, credit spent, about to be sent
  SENDING: 'sending',
  SENT: 'sent',
  NO_SUBSCRIPTION: 'no_subscription',
  REFUSED: 'refused',
  OUTCOME_UNKNOWN: 'outcome_unknown',
  FAILED: 'failed',
  NOT_APPLICABLE: 'not_applicable',
} as const;
export type PushRowState = (typeof PUSH_ROW_STATE)[keyof typeof PUSH_ROW_STATE];
