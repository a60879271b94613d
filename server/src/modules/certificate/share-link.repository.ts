import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { ShareLinkEntity } from './share-link.entity';

export type NewShareLink = Pick<
  ShareLinkEntity,
  'certificateId' | 'tokenHash' | 'purpose' | 'fields' | 'expiresAt'
>;

@Injectable()
export class ShareLinkRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get links(): Repository<ShareLinkEntity> {
    return this.unitOfWork.repository(ShareLinkEntity);
  }

  // Newest first.
  getByCertificate(certificateId: number): Promise<ShareLinkEntity[]> {
    return this.links.find({ where: { certificateId }, order: { id: 'DESC' } });
  }

  getOne(certificateId: number, id: number): Promise<ShareLinkEntity | null> {
    return this.links.findOneBy({ id, certificateId });
  }

  getByTokenHash(tokenHash: string): Promise<ShareLinkEntity | null> {
    return this.links.findOneBy({ tokenHash });
  }

  create(link: NewShareLink): Promise<ShareLinkEntity> {
    return this.unitOfWork.write(() =>
      this.links.save(this.links.create({ ...link, revokedAt: null })),
    );
  }

  async revoke(id: number, at: Date): Promise<void> {
    await this.unitOfWork.write(() => this.links.update({ id }, { revokedAt: at }));
  }
}
