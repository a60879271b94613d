import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';

// Rows that carry their own end (`expiresAt`) and mean nothing after it.
export interface ExpiringRow extends ObjectLiteral {
  id: number;
  expiresAt: Date;
}

@Injectable()
export class HousekeepingRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // Deletes up to `batchSize` expired rows and says how many went. Ids first, then a delete by
  // id: MySQL allows no LIMIT inside an IN subquery, and small batches keep each lock short while
  // sign-ins write to the same table.
  deleteExpiredBatch<T extends ExpiringRow>(target: EntityTarget<T>, now: Date, batchSize: number): Promise<number> {
    return this.unitOfWork.write(async () => {
      const repository = this.unitOfWork.repository(target);
      const expired = await repository.find({
        select: { id: true } as never,
        where: { expiresAt: LessThan(now) } as never,
        order: { id: 'ASC' } as never,
        take: batchSize,
      });
      if (expired.length === 0) return 0;
      await repository.delete(expired.map((row) => row.id));
      return expired.length;
    });
  }
}
