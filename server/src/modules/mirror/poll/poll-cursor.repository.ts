import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { UnitOfWork } from '../../../database/unit-of-work';
import { MirrorTransaction } from '../mirror.repository';
import { PollCursorEntity } from './poll-cursor.entity';

// The cursor's half of a page's unit of work; the mirror's half is the MirrorTransaction over
// the same manager.
export class PollCursorTransaction {
  constructor(private readonly manager: EntityManager) {}

  // Compare-and-set: moves the cursor only if it still reads `from`, and says whether it did.
  // It is the fence behind the lease: should a paused instance wake up after its lease was
  // taken over, its stale page finds the cursor moved and is rolled back, never applied twice.
  // On MySQL the update also locks the row until commit, so a racing page waits, then fails.
  async advance(name: string, from: string | null, to: string): Promise<boolean> {
    const query = this.manager
      .createQueryBuilder()
      .update(PollCursorEntity)
      .set({ cursor: to })
      // An object condition, so TypeORM quotes `cursor` (reserved in MySQL).
      .where({ name, cursor: from === null ? IsNull() : from });
    const runner = this.manager.queryRunner;
    if (!runner) throw new Error('advance must run inside a transaction');
    const [sql, parameters] = query.getQueryAndParameters();
    const result = await runner.query(sql, parameters, true);
    return (result.affected ?? 0) > 0;
  }
}

@Injectable()
export class PollCursorRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // The cursor row, created empty the first time (ignored when another instance created it).
  getOrCreate(name: string): Promise<PollCursorEntity> {
    return this.unitOfWork.write(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(PollCursorEntity)
        .values({ name, cursor: null })
        .orIgnore()
        .execute();
      return manager.getRepository(PollCursorEntity).findOneByOrFail({ name });
    });
  }

  getByName(name: string): Promise<PollCursorEntity | null> {
    return this.unitOfWork.repository(PollCursorEntity).findOneBy({ name });
  }

  transaction<T>(
    work: (mirror: MirrorTransaction, cursors: PollCursorTransaction) => Promise<T>,
  ): Promise<T> {
    return this.unitOfWork.write((manager) =>
      work(new MirrorTransaction(manager), new PollCursorTransaction(manager)),
    );
  }
}
