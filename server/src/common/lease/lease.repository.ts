import { Injectable } from '@nestjs/common';

import { UnitOfWork } from '../../database/unit-of-work';
import { LeaseEntity } from './lease.entity';

@Injectable()
export class LeaseRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // True when the lease did not exist and now belongs to `holder`. The primary key decides
  // between instances inserting at once (INSERT IGNORE on MySQL, INSERT OR IGNORE on SQLite).
  async createIfAbsent(lease: LeaseEntity): Promise<boolean> {
    const query = this.unitOfWork.manager
      .createQueryBuilder()
      .insert()
      .into(LeaseEntity)
      .values(lease)
      .orIgnore();
    return (await this.affected(query.getQueryAndParameters())) > 0;
  }

  // Takes an expired lease, or extends one `holder` already has, in one statement, so two
  // instances racing for an expired lease cannot both win.
  async takeOverIfExpiredOrMine(
    name: string,
    holder: string,
    expiresAt: Date,
    now: Date,
  ): Promise<void> {
    const query = this.unitOfWork.manager
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ holder, expiresAt })
      .where('name = :name', { name })
      .andWhere('(expiresAt < :now OR holder = :holder)', { now, holder });
    await this.affected(query.getQueryAndParameters());
  }

  getByName(name: string): Promise<LeaseEntity | null> {
    return this.unitOfWork.repository(LeaseEntity).findOneBy({ name });
  }

  async delete(name: string, holder: string): Promise<void> {
    await this.unitOfWork.write(() =>
      this.unitOfWork.repository(LeaseEntity).delete({ name, holder }),
    );
  }

  // Building through the query builder first lets each driver convert the Date parameters to
  // the stored format (better-sqlite3 cannot bind a Date itself).
  private affected([sql, parameters]: [string, unknown[]]): Promise<number> {
    return this.unitOfWork.affected(sql, parameters);
  }
}
