import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { EntityManager, QueryResult } from 'typeorm';

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
    const result = (await runner.query(sql, parameters, true)) as QueryResult;
    return (result.affected ?? 0) > 0;
  }
}

@Injectable()
export class PollCursorRepository {
  constructor(private readonly dataSource: DataSource) {}

  // The cursor row, created empty the first time (ignored when another instance created it).
  async getOrCreate(name: string): Promise<PollCursorEntity> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PollCursorEntity)
      .values({ name, cursor: null })
      .orIgnore()
      .execute();
    return this.dataSource.getRepository(PollCursorEntity).findOneByOrFail({ name });
  }

  getByName(name: string): Promise<PollCursorEntity | null> {
    return this.dataSource.getRepository(PollCursorEntity).findOneBy({ name });
  }

  transaction<T>(work: (mirror: MirrorTransaction, cursors: PollCursorTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new MirrorTransaction(manager), new PollCursorTransaction(manager)));
  }
}
