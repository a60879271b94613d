import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { UnitOfWork } from '../../database/unit-of-work';
import {
  WECHAT_PUSH_WINDOW_SECONDS,
  isFreshWechatPushTimestamp,
  isValidWechatPushSignature,
  wechatPushNonceKey,
} from './push-signature';
import { WechatEventRepository } from './wechat-event.repository';
import { WechatPushNonceRepository } from './wechat-push-nonce.repository';
import { WECHAT_PUSH_EVENT, WECHAT_PUSH_TOKEN } from './wechat-push.type';
import type { PushQuery, SubscribePushListener } from './wechat-push.type';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(WECHAT_PUSH_EVENT));

// A subscribe-message push is a few hundred bytes; the bound keeps a body nobody signs (plaintext
// mode signs the query only) from costing more than that to parse.
export const WECHAT_PUSH_MAX_BODY_BYTES = 64 * 1024;

type Item = Record<string, unknown>;

// `List` is an object for one item, an array for several.
const listItems = (list: unknown): Item[] =>
  (Array.isArray(list) ? list : list === undefined || list === null ? [] : [list]).filter(
    (item): item is Item => typeof item === 'object' && item !== null,
  );

// WeChat sends its fields as strings or numbers; anything else is treated as absent.
const text = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : null;

/**
 * WeChat's message push (JSON data format, plaintext mode). Records the subscribe-message
 * events, one row per List item (`List` is an object for one item, an array for several), tells
 * the listeners what changed, and ignores the rest. A push WeChat repeats (it retries when we
 * are slow) is recorded, and told, once.
 *
 * Plaintext mode signs only the timestamp and nonce, not the body, so a signed URL is a bearer
 * ticket: it is taken only within minutes of its timestamp and only once across all instances
 * (the nonce is claimed in the database, in the write that records the push), and its body is
 * bounded.
 */
@Injectable()
export class WechatPushService {
  private readonly logger = new Logger(WechatPushService.name);
  private readonly listeners: SubscribePushListener[] = [];

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly events: WechatEventRepository,
    private readonly nonces: WechatPushNonceRepository,
    @Inject(WECHAT_PUSH_TOKEN) private readonly token: string | null,
  ) {}

  addListener(listener: SubscribePushListener): void {
    this.listeners.push(listener);
  }

  // The echo changes nothing, so its nonce is not claimed; the timestamp must still be fresh.
  verifyUrl(query: PushQuery, now = new Date()): string {
    this.checkSignature(query, now);
    return query.echostr ?? '';
  }

  async receive(query: PushQuery, rawBody: Buffer | undefined, now = new Date()): Promise<string> {
    const { timestamp, nonce } = this.checkSignature(query, now);
    if (rawBody !== undefined && rawBody.length > WECHAT_PUSH_MAX_BODY_BYTES) {
      this.logger.debug('WeChat push refused: the body is over the limit');
      throw new AppException(ERROR_CODE.BODY_TOO_LARGE, 'WeChat push body is too large');
    }
    let body: Record<string, unknown>;
    try {
      const parsed = JSON.parse((rawBody ?? Buffer.alloc(0)).toString('utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      this.logger.debug('WeChat push refused: the body is not a JSON object');
      throw new AppException(ERROR_CODE.VALIDATION_FAILED, 'WeChat push body is not a JSON object');
    }
    const event = text(body.Event);
    const openId = text(body.FromUserName);
    const createTime = text(body.CreateTime) ?? '';
    // Events we do not handle are answered "success" too; their nonce is taken all the same.
    const handled =
      event !== null && openId !== null && KNOWN_EVENTS.has(event)
        ? { event, openId, items: listItems(body.List) }
        : null;
    const expiresAt = new Date((Number(timestamp) + WECHAT_PUSH_WINDOW_SECONDS + 1) * 1000);
    await this.unitOfWork.write(async () => {
      if (!(await this.nonces.claim(wechatPushNonceKey(timestamp, nonce), expiresAt, now))) {
        this.logger.warn('WeChat push refused: its timestamp and nonce were taken before');
        throw new AppException(
          ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
          'WeChat push was received before (replayed nonce)',
        );
      }
      if (handled === null) return;
      for (const item of handled.items)
        await this.record(handled.event, handled.openId, createTime, item);
    });
    return 'success';
  }

  private async record(
    event: string,
    openId: string,
    createTime: string,
    item: Item,
  ): Promise<void> {
    const templateId = text(item.TemplateId);
    const status = text(item.SubscribeStatusString) ?? text(item.ErrorStatus);
    const msgId = text(item.MsgID);
    const errorCode = item.ErrorCode === undefined ? null : Number(item.ErrorCode);
    const dedupeKey = createHash('sha256')
      .update([event, openId, createTime, templateId, msgId, status].join('\u0000'))
      .digest('hex');
    await this.unitOfWork.write(async () => {
      const isNew = await this.events.createIfNew({
        dedupeKey,
        event,
        openId,
        templateId,
        status: status?.slice(0, 60) ?? null,
        msgId: msgId?.slice(0, 40) ?? null,
        errorCode: errorCode !== null && Number.isFinite(errorCode) ? errorCode : null,
      });
      if (!isNew || templateId === null) return;
      if (event === WECHAT_PUSH_EVENT.CHANGE && (status === 'reject' || status === 'accept')) {
        for (const listener of this.listeners)
          await listener.onTemplateSwitched({ openId, templateId, isOn: status === 'accept' });
      }
      // A delivery WeChat reports as failed after it said ok (e.g. the user blocked it since).
      if (
        event === WECHAT_PUSH_EVENT.SENT &&
        msgId !== null &&
        errorCode !== null &&
        Number.isFinite(errorCode) &&
        errorCode !== 0
      ) {
        for (const listener of this.listeners)
          await listener.onDeliveryFailed({ msgId, errorCode, status });
      }
    });
  }

  private checkSignature(query: PushQuery, now: Date): { timestamp: string; nonce: string } {
    if (this.token === null)
      throw new AppException(ERROR_CODE.WECHAT_NOT_CONFIGURED, 'WECHAT_PUSH_TOKEN is not set');
    const { timestamp, nonce } = query;
    if (!isValidWechatPushSignature(this.token, query) || !timestamp || !nonce) {
      this.logger.warn('WeChat push refused: bad signature');
      throw new AppException(
        ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
        'WeChat push signature is not valid',
      );
    }
    if (!isFreshWechatPushTimestamp(timestamp, now)) {
      this.logger.warn('WeChat push refused: its timestamp is outside the window');
      throw new AppException(
        ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
        'WeChat push timestamp is too old or in the future',
      );
    }
    return { timestamp, nonce };
  }
}
