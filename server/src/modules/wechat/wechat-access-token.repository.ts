import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { WechatAccessTokenEntity } from './wechat.entities';

// The one owner of `wechat_access_token`: the access token every instance shares, per appid.
@Injectable()
export class WechatAccessTokenRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get tokens(): Repository<WechatAccessTokenEntity> {
    return this.unitOfWork.repository(WechatAccessTokenEntity);
  }

  getByAppId(appId: string): Promise<WechatAccessTokenEntity | null> {
    return this.tokens.findOneBy({ appId });
  }

  // The latest token WeChat gave wins, whichever instance asked.
  async upsert(token: { appId: string; token: string; expiresAt: Date }): Promise<void> {
    await this.unitOfWork.write(() => this.tokens.upsert(token, ['appId']));
  }
}
