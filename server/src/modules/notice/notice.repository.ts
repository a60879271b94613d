import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { NoticeEntity } from './notice.entity';

export type PublicNotice = Pick<
  NoticeEntity,
  'slug' | 'documentNumber' | 'title' | 'issuer' | 'publishedOn' | 'year' | 'body' | 'regionCode'
> & { calendarYearId: number };

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

  // The public row of a published calendar: replaced when it exists (by calendar, or the first
  // time by slug, as the seed's notice was written before calendars were published), else added.
  async upsertForCalendar(notice: PublicNotice): Promise<void> {
    await this.unitOfWork.write(async () => {
      const existing =
        (await this.notices.findOneBy({ calendarYearId: notice.calendarYearId })) ??
        (await this.notices.findOneBy({ slug: notice.slug }));
      if (existing) await this.notices.update({ id: existing.id }, notice);
      else await this.notices.insert(notice);
    });
  }

  async deleteByCalendarYearId(calendarYearId: number): Promise<number> {
    return this.unitOfWork.write(async () => {
      const result = await this.notices.delete({ calendarYearId });
      return result.affected ?? 0;
    });
  }
}
