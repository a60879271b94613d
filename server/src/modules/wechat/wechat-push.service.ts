import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { ERROR_CODE } from '@titletrack/shared/contract';

import { UnitOfWork } from '../../database/unit-of-work';
import { AppException } from '../../common/app.exception';
import { SubscriptionService } from '../reminders/subscription.service';
import { insertIgnore } from '../../database/sql-dialect';
import { isValidWechatPushSignature } from './push-signature';

export const WECHAT_PUSH_TOKEN = Symbol('WECHAT_PUSH_TOKEN');

export const WECHAT_PUSH_EVENT = {
  POPUP: 'subscribe_msg_popup_event',
  CHANGE: 'subscribe_msg_change_event',
  SENT: 'subscribe_msg_sent_event',
} as const;
const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(WECHAT_PUSH_EVENT));

export interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

type Item = Record<string, unknown>;

const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));

/**
 * WeChat's message push (JSON data format, plaintext mode). Records the subscribe-message
 * events, one row per List item (`List` is an object for one item, an array for several), and
 * ignores the rest. A push WeChat repeats (it retries when we are slow) is recorded once.
 */
@Injectable()
export class WechatPushService {
  private readonly logger = new Logger(WechatPushService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly subscriptions: SubscriptionService,
    @Inject(WECHAT_PUSH_TOKEN) private readonly token: string | null,
  ) {}

  verifyUrl(query: PushQuery): string {
    this.checkSignature(query);
    return query.echostr ?? '';
  }

  async receive(query: PushQuery, rawBody: Buffer | undefined): Promise<string> {
    this.checkSignature(query);
    let body: Record<string, unknown>;
    try {
      const parsed = JSON.parse((rawBody ?? Buffer.alloc(0)).toString('utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      throw new AppException(ERROR_CODE.VALIDATION_FAILED, 'WeChat push body is not a JSON object');
    }
    const event = text(body.Event);
    const openId = text(body.FromUserName);
    if (event === null || openId === null || !KNOWN_EVENTS.has(event)) return 'success';
    const list = body.List;
    const items: Item[] = (Array.isArray(list) ? list : list === undefined || list === null ? [] : [list]).filter(
      (item): item is Item => typeof item === 'object' && item !== null,
    );
    for (const item of items) await this.record(event, openId, text(body.CreateTime) ?? '', item);
    return 'success';
  }

  private async record(event: string, openId: string, createTime: string, item: Item): Promise<void> {
    const templateId = text(item.TemplateId);
    const status = text(item.SubscribeStatusString) ?? text(item.ErrorStatus);
    const msgId = text(item.MsgID);
    const errorCode = item.ErrorCode === undefined ? null : Number(item.ErrorCode);
    const dedupeKey = createHash('sha256').update([event, openId, createTime, templateId, msgId, status].join('\u0000')).digest('hex');
    const isNew =
      (await this.unitOfWork.affected(`${insertIgnore(this.unitOfWork.manager)} wechat_event (dedupeKey, event, openId, templateId, status, msgId, errorCode) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [dedupeKey, event, openId, templateId, status?.slice(0, 60) ?? null, msgId?.slice(0, 40) ?? null, Number.isFinite(errorCode) ? errorCode : null],
      )) > 0;
    if (!isNew || templateId === null) return;
    if (event === WECHAT_PUSH_EVENT.CHANGE && (status === 'reject' || status === 'accept')) {
      await this.subscriptions.applySettingChange(openId, templateId, status === 'accept');
    }
    // A delivery WeChat reports as failed after it said ok (e.g. the user blocked it since).
    if (event === WECHAT_PUSH_EVENT.SENT && msgId !== null && errorCode !== null && errorCode !== 0) {
      await this.unitOfWork.affected("UPDATE inbox_message SET pushError = ? WHERE wechatMsgId = ? AND pushState = 'sent'", [
        `delivery reported failed: ${errorCode} ${status ?? ''}`.slice(0, 300),
        msgId,
      ]);
    }
  }

  private checkSignature(query: PushQuery): void {
    if (this.token === null) throw new AppException(ERROR_CODE.WECHAT_NOT_CONFIGURED, 'WECHAT_PUSH_TOKEN is not set');
    if (!isValidWechatPushSignature(this.token, query)) {
      this.logger.warn('WeChat push refused: bad signature');
      throw new AppException(ERROR_CODE.WEBHOOK_SIGNATURE_INVALID, 'WeChat push signature is not valid');
    }
  }
}
