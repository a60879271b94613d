import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import type { Repository } from 'typeorm';

import { deleteExpiredBatch } from '../../database/expired-rows';
import { UnitOfWork } from '../../database/unit-of-work';
import { AuthSessionEntity } from './auth-session.entity';

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

  getLiveByTokenHash(tokenHash: string, now: Date): Promise<AuthSessionEntity | null> {
    return this.sessions.findOneBy({ tokenHash, expiresAt: MoreThan(now) });
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.unitOfWork.write(() => this.sessions.delete({ tokenHash }));
  }

  deleteExpiredBatch(now: Date, batchSize: number): Promise<number> {
    return this.unitOfWork.write(() => deleteExpiredBatch(this.sessions, now, batchSize));
  }
}
