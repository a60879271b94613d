import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan } from 'typeorm';
import type { Repository } from 'typeorm';

import { AuthSessionEntity } from './auth-session.entity';

@Injectable()
export class AuthSessionRepository {
  constructor(@InjectRepository(AuthSessionEntity) private readonly sessions: Repository<AuthSessionEntity>) {}

  async create(session: Pick<AuthSessionEntity, 'tokenHash' | 'subjectKind' | 'subjectId' | 'expiresAt'>): Promise<void> {
    await this.sessions.insert(session);
  }

  getLiveByTokenHash(tokenHash: string, now: Date): Promise<AuthSessionEntity | null> {
    return this.sessions.findOneBy({ tokenHash, expiresAt: MoreThan(now) });
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

}
