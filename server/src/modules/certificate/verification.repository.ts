import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { VerificationEntity } from './verification.entity';

export type NewVerification = Pick<
  VerificationEntity,
  'certificateId' | 'shareLinkId' | 'channel' | 'verifierTag'
>;

@Injectable()
export class VerificationRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get verifications(): Repository<VerificationEntity> {
    return this.unitOfWork.repository(VerificationEntity);
  }

  async create(verification: NewVerification): Promise<void> {
    await this.unitOfWork.write(() => this.verifications.insert(verification));
  }

  // Newest first, each with the share link it came through (for its purpose).
  getLatestByCertificate(certificateId: number, limit: number): Promise<VerificationEntity[]> {
    return this.verifications.find({
      where: { certificateId },
      relations: { shareLink: true },
      order: { verifiedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }
}
