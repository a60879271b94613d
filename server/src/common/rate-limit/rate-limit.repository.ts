import { Injectable } from '@nestjs/common';
import { LessThan, MoreThan } from 'typeorm';
import type { Repository } from 'typeorm';

import { deleteExpiredBatch } from '../../database/expired-rows';
import { toBindable } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { RateLimitCounterEntity } from './rate-limit-counter.entity';

const INSERT_HIT = 'INSERT INTO rate_limit_counter (bucket, hits, expiresAt) VALUES (?, 1, ?)';

@Injectable()
export class RateLimitRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get counters(): Repository<RateLimitCounterEntity> {
    return this.unitOfWork.repository(RateLimitCounterEntity);
  }

  // Counts one hit in a bucket and returns the bucket's total. One upsert takes the row's
  // exclusive lock at once: an INSERT IGNORE followed by an increment took a shared lock first,
  // and two hits at once then deadlocked upgrading it (MySQL/MariaDB error 1213, a 500).
  hit(bucket: string, expiresAt: Date): Promise<number> {
    return this.unitOfWork.write(async (manager) => {
      await manager.query(
        this.unitOfWork.isSqlite
          ? `${INSERT_HIT} ON CONFLICT (bucket) DO UPDATE SET hits = hits + 1`
          : `${INSERT_HIT} ON DUPLICATE KEY UPDATE hits = hits + 1`,
        [bucket, toBindable(expiresAt)],
      );
      const counter = await this.counters.findOneByOrFail({ bucket });
      return counter.hits;
    });
  }

  // Counts one hit in a bucket that lives until its own `expiresAt`: a bucket whose time has
  // passed starts again from one with `expiresAt`. Returns the total and the bucket's end. One
  // upsert, for the same reason as `hit` (a delete before it added gap locks, a second way to
  // deadlock). MySQL runs the assignments left to right, so `hits` reads the old `expiresAt`;
  // SQLite's SET reads the old row throughout.
  hitUntilExpiry(
    bucket: string,
    now: Date,
    expiresAt: Date,
  ): Promise<{ hits: number; expiresAt: Date }> {
    return this.unitOfWork.write(async (manager) => {
      await manager.query(
        this.unitOfWork.isSqlite
          ? `${INSERT_HIT} ON CONFLICT (bucket) DO UPDATE SET` +
              ' hits = CASE WHEN expiresAt <= ? THEN 1 ELSE hits + 1 END,' +
              ' expiresAt = CASE WHEN expiresAt <= ? THEN excluded.expiresAt ELSE expiresAt END'
          : `${INSERT_HIT} ON DUPLICATE KEY UPDATE` +
              ' hits = IF(expiresAt <= ?, 1, hits + 1),' +
              ' expiresAt = IF(expiresAt <= ?, VALUES(expiresAt), expiresAt)',
        [bucket, toBindable(expiresAt), toBindable(now), toBindable(now)],
      );
      const counter = await this.counters.findOneByOrFail({ bucket });
      return { hits: counter.hits, expiresAt: counter.expiresAt };
    });
  }

  // Moves a bucket's end later, never earlier (another instance may have moved it further).
  async extend(bucket: string, expiresAt: Date): Promise<void> {
    await this.unitOfWork.write(() =>
      this.counters.update({ bucket, expiresAt: LessThan(expiresAt) }, { expiresAt }),
    );
  }

  // Takes back one hit, e.g. an attempt that turned out legitimate.
  async refund(bucket: string): Promise<void> {
    await this.unitOfWork.write(() =>
      this.counters.decrement({ bucket, hits: MoreThan(0) }, 'hits', 1),
    );
  }

  async delete(bucket: string): Promise<void> {
    await this.unitOfWork.write(() => this.counters.delete({ bucket }));
  }

  deleteExpiredBatch(now: Date, batchSize: number): Promise<number> {
    return this.unitOfWork.write(() => deleteExpiredBatch(this.counters, now, batchSize));
  }
}
