import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryResult } from 'typeorm';

import { LeaseEntity } from './lease.entity';

@Injectable()
export class LeaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  // True when the lease did not exist and now belongs to `holder`. The primary key decides
  // between instances inserting at once (INSERT IGNORE on MySQL, INSERT OR IGNORE on SQLite).
  async createIfAbsent(lease: LeaseEntity): Promise<boolean> {
    const query = this.dataSource.createQueryBuilder().insert().into(LeaseEntity).values(lease).orIgnore();
    return (await this.affected(query.getQueryAndParameters())) > 0;
  }

  // Takes an expired lease, or extends one `holder` already has, in one statement, so two
  // instances racing for an expired lease cannot both win.
  async takeOverIfExpiredOrMine(name: string, holder: string, expiresAt: Date, now: Date): Promise<void> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ holder, expiresAt })
      .where('name = :name', { name })
      .andWhere('(expiresAt < :now OR holder = :holder)', { now, holder });
    await this.affected(query.getQueryAndParameters());
  }

  getByName(name: string): Promise<LeaseEntity | null> {
    return this.dataSource.getRepository(LeaseEntity).findOneBy({ name });
  }

  async delete(name: string, holder: string): Promise<void> {
    await this.dataSource.getRepository(LeaseEntity).delete({ name, holder });
  }

  // The structured result carries the affected-row count on both drivers, which InsertResult
  // does not. Building through the query builder first lets each driver convert the Date
  // parameters to the stored format (better-sqlite3 cannot bind a Date itself).
  private async affected([sql, parameters]: [string, unknown[]]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = (await runner.query(sql, parameters, true)) as QueryResult;
      return result.affected ?? 0;
    } finally {
      await runner.release();
    }
  }
}
