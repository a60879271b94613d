import { Injectable } from '@nestjs/common';

import { insertIgnore } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';

export interface NewWechatEvent {
  dedupeKey: string;
  event: string;
  openId: string;
  templateId: string | null;
  status: string | null;
  msgId: string | null;
  errorCode: number | null;
}

// The one owner of `wechat_event`: WeChat's message pushes as received, one row per List item.
@Injectable()
export class WechatEventRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // False when the dedupe key is known: WeChat retried a push it had sent before.
  async createIfNew(event: NewWechatEvent): Promise<boolean> {
    const inserted = await this.unitOfWork.affected(
      `${insertIgnore(this.unitOfWork.manager)} wechat_event (dedupeKey, event, openId, templateId, status, msgId, errorCode) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        event.dedupeKey,
        event.event,
        event.openId,
        event.templateId,
        event.status,
        event.msgId,
        event.errorCode,
      ],
    );
    return inserted > 0;
  }
}
