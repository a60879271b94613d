import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { deleteExpiredBatch } from '../../database/expired-rows';
import { insertIgnore, sqlTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { WechatPushNonceEntity } from './wechat.entities';

// Expired nonces removed by each claim: enough to keep pace with WeChat's push rate, small
// enough that a claim stays one short statement.
const EXPIRED_PER_CLAIM = 50;

// The one owner of `wechat_push_nonce`: the message pushes taken within the freshness window.
@Injectable()
export class WechatPushNonceRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get nonces(): Repository<WechatPushNonceEntity> {
    return this.unitOfWork.repository(WechatPushNonceEntity);
  }

  // False when the key is known already: the push was taken before, here or on another
  // instance (the unique key decides between two instances racing). Run it inside the write
  // that records the push, so a push that fails to record leaves its nonce for WeChat's retry.
  claim(nonceKey: string, expiresAt: Date, now: Date): Promise<boolean> {
    return this.unitOfWork.write(async () => {
      await deleteExpiredBatch(this.nonces, now, EXPIRED_PER_CLAIM);
      const inserted = await this.unitOfWork.affected(
        `${insertIgnore(this.unitOfWork.manager)} wechat_push_nonce (nonceKey, expiresAt) VALUES (?, ?)`,
        [nonceKey, sqlTime(expiresAt)],
      );
      return inserted > 0;
    });
  }

  // For housekeeping: the claims clear as they go, this catches up after a quiet spell.
  deleteExpiredBatch(now: Date, batchSize: number): Promise<number> {
    return this.unitOfWork.write(() => deleteExpiredBatch(this.nonces, now, batchSize));
  }
}
