import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { AuditLogEntity } from './audit-log.entity';

export type NewAuditLogEntry = Pick<
  AuditLogEntity,
  'staffUserId' | 'action' | 'targetType' | 'targetId' | 'detail'
>;

@Injectable()
export class AuditLogRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get entries(): Repository<AuditLogEntity> {
    return this.unitOfWork.repository(AuditLogEntity);
  }

  // In the caller's transaction, so the record commits with the action it describes.
  async create(entry: NewAuditLogEntry): Promise<void> {
    await this.unitOfWork.write(() => this.entries.insert(entry));
  }
}
