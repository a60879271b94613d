import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { NoticeEntity } from './notice.entity';

@Injectable()
export class NoticeRepository {
  constructor(@InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>) {}

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
