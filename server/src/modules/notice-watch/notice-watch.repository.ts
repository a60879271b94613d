import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { insertIgnore, placeholders, sqlTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { NoticeWatchEntity } from './notice-watch.entity';

export interface WaitingWatch {
  id: number;
  applicantId: number;
}

const IDS_PER_UPDATE = 1000;

// The one owner of `notice_watch`.
@Injectable()
export class NoticeWatchRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get watches(): Repository<NoticeWatchEntity> {
    return this.unitOfWork.repository(NoticeWatchEntity);
  }

  getByApplicant(applicantId: number): Promise<NoticeWatchEntity[]> {
    return this.watches.find({
      where: { applicantId },
      order: { year: 'DESC', regionCode: 'ASC' },
    });
  }

  getOne(applicantId: number, regionCode: string, year: number): Promise<NoticeWatchEntity | null> {
    return this.watches.findOneBy({ applicantId, regionCode, year });
  }

  // Asking twice keeps one row (the unique index decides, also between instances).
  async createIfAbsent(applicantId: number, regionCode: string, year: number): Promise<void> {
    await this.unitOfWork.affected(
      `${insertIgnore(this.unitOfWork.manager)} notice_watch (applicantId, regionCode, year) VALUES (?, ?, ?)`,
      [applicantId, regionCode, year],
    );
  }

  delete(applicantId: number, regionCode: string, year: number): Promise<number> {
    return this.unitOfWork.affected(
      'DELETE FROM notice_watch WHERE applicantId = ? AND regionCode = ? AND year = ?',
      [applicantId, regionCode, year],
    );
  }

  // Watches of a region and year nobody has told yet, in id order.
  async getWaiting(regionCode: string, year: number): Promise<WaitingWatch[]> {
    const rows: Array<{ id: number | string; applicantId: number | string }> =
      await this.unitOfWork.manager.query(
        'SELECT id, applicantId FROM notice_watch WHERE regionCode = ? AND year = ? AND notifiedAt IS NULL ORDER BY id',
        [regionCode, year],
      );
    return rows.map((row) => ({ id: Number(row.id), applicantId: Number(row.applicantId) }));
  }

  async markNotified(ids: readonly number[], now: Date): Promise<number> {
    let marked = 0;
    for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
      const chunk = ids.slice(i, i + IDS_PER_UPDATE);
      marked += await this.unitOfWork.affected(
        `UPDATE notice_watch SET notifiedAt = ? WHERE notifiedAt IS NULL AND id IN (${placeholders(chunk.length)})`,
        [sqlTime(now), ...chunk],
      );
    }
    return marked;
  }
}
