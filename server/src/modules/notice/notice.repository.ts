import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { NoticeEntity } from './notice.entity';

@Injectable()
export class NoticeRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get notices(): Repository<NoticeEntity> {
    return this.unitOfWork.repository(NoticeEntity);
  }

  // Newest first; the list never carries bodies (they can be tens of kilobytes each).
  getAll(): Promise<Omit<NoticeEntity, 'body'>[]> {
    return this.notices.find({
      select: {
        id: true,
        slug: true,
        documentNumber: true,
        title: true,
        issuer: true,
        publishedOn: true,
        year: true,
        createdAt: true,
        updatedAt: true,
      },
      order: { publishedOn: 'DESC', id: 'DESC' },
    });
  }

  getById(id: number): Promise<NoticeEntity | null> {
    return this.notices.findOneBy({ id });
  }
}
