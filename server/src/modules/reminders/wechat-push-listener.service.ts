import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { WechatPushService } from '../wechat/wechat-push.service';
import type {
  DeliveryFailure,
  SubscribePushListener,
  TemplateSwitch,
} from '../wechat/wechat-push.type';
import { InboxMessageRepository } from './inbox-message.repository';
import { SubscriptionService } from './subscription.service';

// What WeChat's message push says about our subscribe messages, applied to the reminders' own
// state: a template switched in WeChat's settings changes its credits; a delivery WeChat
// reports as failed keeps the reason on the message it was for.
@Injectable()
export class WechatPushListenerService implements SubscribePushListener, OnModuleInit {
  constructor(
    private readonly wechatPush: WechatPushService,
    private readonly subscriptions: SubscriptionService,
    private readonly inboxMessages: InboxMessageRepository,
  ) {}

  onModuleInit(): void {
    this.wechatPush.addListener(this);
  }

  onTemplateSwitched({ openId, templateId, isOn }: TemplateSwitch): Promise<void> {
    return this.subscriptions.applySettingChange(openId, templateId, isOn);
  }

  async onDeliveryFailed({ msgId, errorCode, status }: DeliveryFailure): Promise<void> {
    await this.inboxMessages.markDeliveryFailed(
      msgId,
      `delivery reported failed: ${errorCode} ${status ?? ''}`,
    );
  }
}
