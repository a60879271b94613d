import { Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import type { UnitOfWork } from '../../database/unit-of-work';
import { newUnitOfWorkMock } from '../../../test/mocks/reminders.mock';
import { newWechatEventRepositoryMock } from '../../../test/mocks/wechat.mock';
import { wechatPushSignature } from './push-signature';
import type { WechatEventRepository } from './wechat-event.repository';
import { WechatPushService } from './wechat-push.service';
import type { SubscribePushListener } from './wechat-push.type';

const TOKEN = 'pushToken123';
const OPEN_ID = 'o-user-1';

const signed = (extra: Record<string, string> = {}) => {
  const timestamp = '1714000000';
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
  let listener: jest.Mocked<SubscribePushListener>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    unitOfWork = newUnitOfWorkMock();
    events = newWechatEventRepositoryMock();
    events.createIfNew.mockResolvedValue(true);
    listener = {
      onTemplateSwitched: jest.fn().mockResolvedValue(undefined),
      onDeliveryFailed: jest.fn().mockResolvedValue(undefined),
    };
    sut = new WechatPushService(unitOfWork, events, TOKEN);
    sut.addListener(listener);
  });

  afterEach(() => jest.restoreAllMocks());

  describe('verifyUrl', () => {
    it('answers WeChat’s URL check with echostr', () => {
      expect(sut.verifyUrl(signed({ echostr: 'hello-123' }))).toBe('hello-123');
    });

    it('refuses a bad signature, and answers 503 without a token', () => {
      expect(() => sut.verifyUrl({ ...signed({ echostr: 'x' }), nonce: 'other' })).toThrow(
        expect.objectContaining({ code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID }),
      );
      expect(() => new WechatPushService(unitOfWork, events, null).verifyUrl(signed())).toThrow(
        expect.objectContaining({ code: ERROR_CODE.WECHAT_NOT_CONFIGURED }),
      );
    });
  });

  describe('receive', () => {
    it('records each item of a popup event (List as an array) and tells no one: the app’s report counted them', async () => {
      const list = [
        { TemplateId: 'tmpl-fee', SubscribeStatusString: 'accept', PopupScene: '0' },
        { TemplateId: 'tmpl-returned', SubscribeStatusString: 'reject', PopupScene: '0' },
      ];

      await expect(sut.receive(signed(), push('subscribe_msg_popup_event', list))).resolves.toBe(
        'success',
      );

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
      );

      expect(unitOfWork.write).toHaveBeenCalledTimes(1);
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

      await sut.receive(signed(), change);
      await sut.receive(signed(), change);

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

    it('answers success to events it does not handle, recording nothing', async () => {
      await expect(
        sut.receive(signed(), body({ FromUserName: OPEN_ID, Event: 'user_enter_tempsession' })),
      ).resolves.toBe('success');

      expect(events.createIfNew).not.toHaveBeenCalled();
      expect(unitOfWork.write).not.toHaveBeenCalled();
    });

    it('refuses a body that is not a JSON object, and a bad signature, recording nothing', async () => {
      await expect(sut.receive(signed(), Buffer.from('<xml/>'))).rejects.toMatchObject({
        code: ERROR_CODE.VALIDATION_FAILED,
      });
      await expect(sut.receive(signed(), body([1, 2]))).rejects.toMatchObject({
        code: ERROR_CODE.VALIDATION_FAILED,
      });
      await expect(
        sut.receive(
          { ...signed(), signature: 'a'.repeat(40) },
          push('subscribe_msg_change_event', {}),
        ),
      ).rejects.toMatchObject({
        code: ERROR_CODE.WEBHOOK_SIGNATURE_INVALID,
      });

      expect(events.createIfNew).not.toHaveBeenCalled();
    });
  });
});
