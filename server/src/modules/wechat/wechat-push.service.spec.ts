import { Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import type { UnitOfWork } from '../../database/unit-of-work';
import { newUnitOfWorkMock } from '../../../test/mocks/reminders.mock';
import { newWechatEventRepositoryMock } from '../../../test/mocks/wechat.mock';
import { mockMethods } from '../../../test/mocks/mock-methods';
import { WECHAT_PUSH_WINDOW_SECONDS, wechatPushSignature } from './push-signature';
import type { WechatEventRepository } from './wechat-event.repository';
import { WechatPushNonceRepository } from './wechat-push-nonce.repository';
import { WECHAT_PUSH_MAX_BODY_BYTES, WechatPushService } from './wechat-push.service';
import type { SubscribePushListener } from './wechat-push.type';

const TOKEN = 'pushToken123';
const OPEN_ID = 'o-user-1';

const TIMESTAMP = 1714000000;
// Our clock, a few seconds after WeChat stamped the push.
const NOW = new Date((TIMESTAMP + 3) * 1000);
const signed = (extra: Record<string, string> = {}, timestamp = String(TIMESTAMP)) => {
  const nonce = 'n0nce';
  return { signature: wechatPushSignature(TOKEN, timestamp, nonce), timestamp, nonce, ...extra };
};
const body = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const push = (event: string, list: unknown, createTime = 1714000000) =>
  body({
    ToUserName: 'gh_1',
    FromUserName: OPEN_ID,
    CreateTime: createTime,
    MsgType: 'event',
    Event: event,
    List: list,
  });

describe(WechatPushService.name, () => {
  let sut: WechatPushService;
  let unitOfWork: jest.Mocked<UnitOfWork>;
  let events: jest.Mocked<WechatEventRepository>;
  let nonces: jest.Mocked<WechatPushNonceRepository>;
  let listener: jest.Mocked<SubscribePushListener>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    unitOfWork = newUnitOfWorkMock();
    events = newWechatEventRepositoryMock();
    events.createIfNew.mockResolvedValue(true);
    nonces = mockMethods(WechatPushNonceRepository);
    nonces.claim.mockResolvedValue(true);
    listener = {
      onTemplateSwitched: jest.fn().mockResolvedValue(undefined),
      onDeliveryFailed: jest.fn().mockResolvedValue(undefined),
    };
    sut = new WechatPushService(unitOfWork, events, nonces, TOKEN);
    sut.addListener(listener);
  });

  afterEach(() => jest.restoreAllMocks());

  describe('verifyUrl', () => {
    it('answers WeChat’s URL check with echostr', () => {
      expect(sut.verifyUrl(signed({ echostr: 'hello-123' }), NOW)).toBe('hello-123');
      expect(nonces.claim).not.toHaveBeenCalled();
    });

    it('refuses a URL check whose timestamp is outside the window', () => {
      const later = new Date((TIMESTAMP + WECHAT_PUSH_WINDOW_SECONDS + 1) * 1000);
      expect(() => sut.verifyUrl(signed({ echostr: 'x' }), later)).toThrow(
        expect.objectContaining({ code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID }),
      );
    });

    it('refuses a bad signature, and answers 503 without a token', () => {
      expect(() => sut.verifyUrl({ ...signed({ echostr: 'x' }), nonce: 'other' }, NOW)).toThrow(
        expect.objectContaining({ code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID }),
      );
      expect(() =>
        new WechatPushService(unitOfWork, events, nonces, null).verifyUrl(signed(), NOW),
      ).toThrow(expect.objectContaining({ code: ERROR_CODE.WECHAT_NOT_CONFIGURED }));
    });
  });

  describe('receive', () => {
    it('records each item of a popup event (List as an array) and tells no one: the app’s report counted them', async () => {
      const list = [
        { TemplateId: 'tmpl-fee', SubscribeStatusString: 'accept', PopupScene: '0' },
        { TemplateId: 'tmpl-returned', SubscribeStatusString: 'reject', PopupScene: '0' },
      ];

      await expect(
        sut.receive(signed(), push('subscribe_msg_popup_event', list), NOW),
      ).resolves.toBe('success');

      expect(events.createIfNew).toHaveBeenCalledTimes(2);
      expect(events.createIfNew).toHaveBeenCalledWith(
        expect.objectContaining({
          event: 'subscribe_msg_popup_event',
          openId: OPEN_ID,
          templateId: 'tmpl-fee',
          status: 'accept',
          msgId: null,
          errorCode: null,
        }),
      );
      expect(listener.onTemplateSwitched).not.toHaveBeenCalled();
      expect(listener.onDeliveryFailed).not.toHaveBeenCalled();
    });

    it('tells the listeners a template switched off in WeChat’s settings (List as one object), inside the write that records it', async () => {
      listener.onTemplateSwitched.mockImplementation(async () => {
        expect(events.createIfNew).toHaveBeenCalledTimes(1);
      });

      await sut.receive(
        signed(),
        push('subscribe_msg_change_event', {
          TemplateId: 'tmpl-fee',
          SubscribeStatusString: 'reject',
        }),
        NOW,
      );

      expect(nonces.claim).toHaveBeenCalledTimes(1);
      expect(listener.onTemplateSwitched).toHaveBeenCalledWith({
        openId: OPEN_ID,
        templateId: 'tmpl-fee',
        isOn: false,
      });
    });

    it('tells nothing twice: a push WeChat retries is recorded once and applied once', async () => {
      events.createIfNew.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
      const change = push('subscribe_msg_change_event', {
        TemplateId: 'tmpl-fee',
        SubscribeStatusString: 'accept',
      });

      await sut.receive(signed(), change, NOW);
      await sut.receive(signed(), change, NOW);

      expect(events.createIfNew.mock.calls[0]?.[0].dedupeKey).toBe(
        events.createIfNew.mock.calls[1]?.[0].dedupeKey,
      );
      expect(listener.onTemplateSwitched).toHaveBeenCalledTimes(1);
      expect(listener.onTemplateSwitched).toHaveBeenCalledWith({
        openId: OPEN_ID,
        templateId: 'tmpl-fee',
        isOn: true,
      });
    });

    it('tells the listeners of a delivery WeChat reports failed, and not of a successful one', async () => {
      await sut.receive(
        signed(),
        push('subscribe_msg_sent_event', {
          TemplateId: 'tmpl-fee',
          MsgID: '1700000',
          ErrorCode: '0',
          ErrorStatus: 'success',
        }),
        NOW,
      );
      await sut.receive(
        signed(),
        push(
          'subscribe_msg_sent_event',
          {
            TemplateId: 'tmpl-fee',
            MsgID: '1700001',
            ErrorCode: '20001',
            ErrorStatus: 'fail_user_refuse',
          },
          1714000100,
        ),
        NOW,
      );

      expect(events.createIfNew).toHaveBeenCalledWith(
        expect.objectContaining({ msgId: '1700000', errorCode: 0, status: 'success' }),
      );
      expect(listener.onDeliveryFailed).toHaveBeenCalledTimes(1);
      expect(listener.onDeliveryFailed).toHaveBeenCalledWith({
        msgId: '1700001',
        errorCode: 20001,
        status: 'fail_user_refuse',
      });
    });

    it('answers success to events it does not handle, recording nothing but their nonce', async () => {
      await expect(
        sut.receive(
          signed(),
          body({ FromUserName: OPEN_ID, Event: 'user_enter_tempsession' }),
          NOW,
        ),
      ).resolves.toBe('success');

      expect(nonces.claim).toHaveBeenCalledTimes(1);
      expect(events.createIfNew).not.toHaveBeenCalled();
    });

    it('refuses a body that is not a JSON object, and a bad signature, recording nothing', async () => {
      await expect(sut.receive(signed(), Buffer.from('<xml/>'), NOW)).rejects.toMatchObject({
        code: ERROR_CODE.VALIDATION_FAILED,
      });
      await expect(sut.receive(signed(), body([1, 2]), NOW)).rejects.toMatchObject({
        code: ERROR_CODE.VALIDATION_FAILED,
      });
      await expect(
        sut.receive(
          { ...signed(), signature: 'a'.repeat(40) },
          push('subscribe_msg_change_event', {}),
          NOW,
        ),
      ).rejects.toMatchObject({
        code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
      });

      expect(events.createIfNew).not.toHaveBeenCalled();
    });

    describe('refuses a push that could be a replay, changing nothing', () => {
      const change = push('subscribe_msg_change_event', {
        TemplateId: 'tmpl-fee',
        SubscribeStatusString: 'accept',
      });
      const expectNothingChanged = () => {
        expect(events.createIfNew).not.toHaveBeenCalled();
        expect(listener.onTemplateSwitched).not.toHaveBeenCalled();
      };

      it('with a timestamp older than the window', async () => {
        const old = String(TIMESTAMP - WECHAT_PUSH_WINDOW_SECONDS - 4);
        await expect(sut.receive(signed({}, old), change, NOW)).rejects.toMatchObject({
          code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
        });
        expect(nonces.claim).not.toHaveBeenCalled();
        expectNothingChanged();
      });

      it('with a timestamp further ahead than the window', async () => {
        const ahead = String(TIMESTAMP + WECHAT_PUSH_WINDOW_SECONDS + 4);
        await expect(sut.receive(signed({}, ahead), change, NOW)).rejects.toMatchObject({
          code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
        });
        expectNothingChanged();
      });

      it('whose timestamp and nonce were taken before', async () => {
        nonces.claim.mockResolvedValue(false);
        await expect(sut.receive(signed(), change, NOW)).rejects.toMatchObject({
          code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
        });
        expectNothingChanged();
      });

      it('with a body over the limit', async () => {
        const large = Buffer.alloc(WECHAT_PUSH_MAX_BODY_BYTES + 1, 0x20);
        await expect(sut.receive(signed(), large, NOW)).rejects.toMatchObject({
          code: ERROR_CODE.BODY_TOO_LARGE,
        });
        expect(nonces.claim).not.toHaveBeenCalled();
        expectNothingChanged();
      });
    });

    it('remembers the nonce until the timestamp leaves the window', async () => {
      await sut.receive(signed(), push('subscribe_msg_popup_event', []), NOW);

      const [key, expiresAt, now] = nonces.claim.mock.calls[0] ?? [];
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(expiresAt?.getTime()).toBeGreaterThan((TIMESTAMP + WECHAT_PUSH_WINDOW_SECONDS) * 1000);
      expect(now).toBe(NOW);
    });
  });
});
