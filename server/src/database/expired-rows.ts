import { LessThan } from 'typeorm';
import type { ObjectLiteral, Repository } from 'typeorm';

// Rows that carry their own end (`expiresAt`) and mean nothing after it.
export interface ExpiringRow extends ObjectLiteral {
  id: number;
  expiresAt: Date;
}

// Deletes up to `batchSize` expired rows of the owner's table and says how many went. Ids first,
// then a delete by id: MySQL allows no LIMIT inside an IN subquery, and small batches keep each
// lock short while sign-ins write to the same table. Call it inside a write.
export async function deleteExpiredBatch<T extends ExpiringRow>(
  repository: Repository<T>,
  now: Date,
  batchSize: number,
): Promise<number> {
  const expired = await repository.find({
    select: { id: true } as never,
    where: { expiresAt: LessThan(now) } as never,
    order: { id: 'ASC' } as never,
    take: batchSize,
  });
  if (expired.length === 0) return 0;
  await repository.delete(expired.map((row) => row.id));
  return expired.length;
}
