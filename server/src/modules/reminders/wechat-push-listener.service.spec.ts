import { newInboxMessageRepositoryMock } from '../../../test/mocks/reminders.mock';
import { mockMethods } from '../../../test/mocks/mock-methods';
import { WechatPushService } from '../wechat/wechat-push.service';
import type { InboxMessageRepository } from './inbox-message.repository';
import { SubscriptionService } from './subscription.service';
import { WechatPushListenerService } from './wechat-push-listener.service';

describe(WechatPushListenerService.name, () => {
  let sut: WechatPushListenerService;
  let wechatPush: jest.Mocked<WechatPushService>;
  let subscriptions: jest.Mocked<SubscriptionService>;
  let inboxMessages: jest.Mocked<InboxMessageRepository>;

  beforeEach(() => {
    wechatPush = mockMethods(WechatPushService);
    subscriptions = mockMethods(SubscriptionService);
    inboxMessages = newInboxMessageRepositoryMock();
    sut = new WechatPushListenerService(wechatPush, subscriptions, inboxMessages);
  });

  it('listens to WeChat’s push once the module starts', () => {
    sut.onModuleInit();

    expect(wechatPush.addListener).toHaveBeenCalledWith(sut);
  });

  it('applies a template switched in WeChat’s settings to the credits', async () => {
    subscriptions.applySettingChange.mockResolvedValue(undefined);

    await sut.onTemplateSwitched({ openId: 'o-user', templateId: 'tmpl-fee', isOn: false });

    expect(subscriptions.applySettingChange).toHaveBeenCalledWith('o-user', 'tmpl-fee', false);
    expect(inboxMessages.markDeliveryFailed).not.toHaveBeenCalled();
  });

  it('keeps the reason of a failed delivery on the message WeChat had accepted', async () => {
    inboxMessages.markDeliveryFailed.mockResolvedValue(1);

    await sut.onDeliveryFailed({ msgId: '1700001', errorCode: 20001, status: 'fail_user_refuse' });

    expect(inboxMessages.markDeliveryFailed).toHaveBeenCalledWith(
      '1700001',
      'delivery reported failed: 20001 fail_user_refuse',
    );
    expect(subscriptions.applySettingChange).not.toHaveBeenCalled();
  });
});
