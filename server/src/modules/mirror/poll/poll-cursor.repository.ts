import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { UnitOfWork } from '../../../database/unit-of-work';
import { PollCursorEntity } from './poll-cursor.entity';

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

  // Compare-and-set: moves the cursor only if it still reads `from`, and says whether it did.
  // It is the fence behind the lease: should a paused instance wake up after its lease was
  // taken over, its stale page finds the cursor moved and is rolled back, never applied twice.
  // On MySQL the update also locks the row until commit, so a racing page waits, then fails.
  // Inside the page's write, so the cursor moves with what the page applied.
  async advance(name: string, from: string | null, to: string): Promise<boolean> {
    const [sql, parameters] = this.unitOfWork.manager
      .createQueryBuilder()
      .update(PollCursorEntity)
      .set({ cursor: to })
      // An object condition, so TypeORM quotes `cursor` (reserved in MySQL).
      .where({ name, cursor: from === null ? IsNull() : from })
      .getQueryAndParameters();
    return (await this.unitOfWork.affected(sql, parameters)) > 0;
  }
}
