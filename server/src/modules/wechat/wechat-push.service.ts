import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { isValidWechatPushSignature } from './push-signature';
import { WechatEventRepository } from './wechat-event.repository';
import { WECHAT_PUSH_EVENT, WECHAT_PUSH_TOKEN } from './wechat-push.type';
import type { PushQuery, SubscribePushListener } from './wechat-push.type';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(WECHAT_PUSH_EVENT));

type Item = Record<string, unknown>;

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
 */
@Injectable()
export class WechatPushService {
  private readonly logger = new Logger(WechatPushService.name);
  private readonly listeners: SubscribePushListener[] = [];

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly events: WechatEventRepository,
    @Inject(WECHAT_PUSH_TOKEN) private readonly token: string | null,
  ) {}

  addListener(listener: SubscribePushListener): void {
    this.listeners.push(listener);
  }

  verifyUrl(query: PushQuery): string {
    this.checkSignature(query);
    return query.echostr ?? '';
  }

  async receive(query: PushQuery, rawBody: Buffer | undefined): Promise<string> {
    this.checkSignature(query);
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
    if (event === null || openId === null || !KNOWN_EVENTS.has(event)) return 'success';
    const list = body.List;
    const items: Item[] = (
      Array.isArray(list) ? list : list === undefined || list === null ? [] : [list]
    ).filter((item): item is Item => typeof item === 'object' && item !== null);
    for (const item of items) await this.record(event, openId, text(body.CreateTime) ?? '', item);
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

  private checkSignature(query: PushQuery): void {
    if (this.token === null)
      throw new AppException(ERROR_CODE.WECHAT_NOT_CONFIGURED, 'WECHAT_PUSH_TOKEN is not set');
    if (!isValidWechatPushSignature(this.token, query)) {
      this.logger.warn('WeChat push refused: bad signature');
      throw new AppException(
        ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
        'WeChat push signature is not valid',
      );
    }
  }
}
