import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { deleteExpiredBatch } from '../../database/expired-rows';
import { UnitOfWork } from '../../database/unit-of-work';
import { AuthSessionEntity } from './auth-session.entity';

// The lookup behind every signed-in request.
const LIVE_BY_TOKEN_HASH_SQL = 'SELECT * FROM auth_session WHERE tokenHash = ? AND expiresAt > ?';

@Injectable()
export class AuthSessionRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get sessions(): Repository<AuthSessionEntity> {
    return this.unitOfWork.repository(AuthSessionEntity);
  }

  async create(
    session: Pick<AuthSessionEntity, 'tokenHash' | 'subjectKind' | 'subjectId' | 'expiresAt'>,
  ): Promise<void> {
    await this.unitOfWork.write(() => this.sessions.insert(session));
  }

  async getLiveByTokenHash(tokenHash: string, now: Date): Promise<AuthSessionEntity | null> {
    const [session] = await this.unitOfWork.readEntities(
      AuthSessionEntity,
      LIVE_BY_TOKEN_HASH_SQL,
      [tokenHash, now],
    );
    return session ?? null;
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.unitOfWork.write(() => this.sessions.delete({ tokenHash }));
  }

  deleteExpiredBatch(now: Date, batchSize: number): Promise<number> {
    return this.unitOfWork.write(() => deleteExpiredBatch(this.sessions, now, batchSize));
  }
}
