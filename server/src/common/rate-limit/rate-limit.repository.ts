import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { deleteExpiredBatch } from '../../database/expired-rows';
import { UnitOfWork } from '../../database/unit-of-work';
import { RateLimitCounterEntity } from './rate-limit-counter.entity';

@Injectable()
export class RateLimitRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get counters(): Repository<RateLimitCounterEntity> {
    return this.unitOfWork.repository(RateLimitCounterEntity);
  }

  // Counts one hit in a bucket and returns the bucket's total. The insert is ignored when the
  // bucket exists and the increment runs in the database, so concurrent instances never lose
  // a hit.
  hit(bucket: string, expiresAt: Date): Promise<number> {
    return this.unitOfWork.write(async () => {
      await this.counters
        .createQueryBuilder()
        .insert()
        .values({ bucket, hits: 0, expiresAt })
        .orIgnore()
        .execute();
      await this.counters.increment({ bucket }, 'hits', 1);
      const counter = await this.counters.findOneByOrFail({ bucket });
      return counter.hits;
    });
  }

  deleteExpiredBatch(now: Date, batchSize: number): Promise<number> {
    return this.unitOfWork.write(() => deleteExpiredBatch(this.counters, now, batchSize));
  }
}
