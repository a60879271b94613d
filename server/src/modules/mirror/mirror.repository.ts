import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager, QueryResult } from 'typeorm';

import { ApplicationEntity } from '../application/application.entity';
import { DomainEventEntity } from './domain-event.entity';
import { ImportBatchEntity } from './import-batch.entity';
import { PlatformEventEntity } from './platform-event.entity';
import { StatusHistoryEntity } from './status-history.entity';

const CHUNK = 500;

// The unit of work of one apply: every method runs inside the caller's transaction.
export class MirrorTransaction {
  constructor(private readonly manager: EntityManager) {}

  // Rows about to change are locked so two instances applying news about the same application
  // serialise. SQLite locks the whole database for a write transaction and has no row locks,
  // so the lock clause is MySQL's only.
  async getByApplicationNosForUpdate(applicationNos: string[]): Promise<ApplicationEntity[]> {
    const found: ApplicationEntity[] = [];
    for (let i = 0; i < applicationNos.length; i += CHUNK) {
      const chunk = applicationNos.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      const query = this.manager
        .getRepository(ApplicationEntity)
        .createQueryBuilder('application')
        .where({ applicationNo: In(chunk) });
      if (this.manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
      found.push(...(await query.getMany()));
    }
    return found;
  }

  async insertApplications(applications: Array<Omit<ApplicationEntity, 'id' | 'createdAt' | 'updatedAt'>>): Promise<ApplicationEntity[]> {
    const inserted: ApplicationEntity[] = [];
    for (let i = 0; i < applications.length; i += CHUNK) {
      const chunk = applications.slice(i, i + CHUNK);
      inserted.push(...(await this.manager.getRepository(ApplicationEntity).save(chunk.map((a) => this.manager.create(ApplicationEntity, a)), { chunk: CHUNK })));
    }
    return inserted;
  }

  async updateApplication(id: number, fields: Partial<ApplicationEntity>): Promise<void> {
    await this.manager.update(ApplicationEntity, { id }, fields);
  }

  async insertHistory(rows: Array<Omit<StatusHistoryEntity, 'id' | 'createdAt' | 'application'>>): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await this.manager.insert(StatusHistoryEntity, rows.slice(i, i + CHUNK));
  }

  async insertDomainEvents(rows: Array<Pick<DomainEventEntity, 'kind' | 'applicationId' | 'payload'>>): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await this.manager.insert(DomainEventEntity, rows.slice(i, i + CHUNK));
  }

  async insertImportBatch(batch: Omit<ImportBatchEntity, 'id' | 'createdAt'>): Promise<ImportBatchEntity> {
    return this.manager.save(this.manager.create(ImportBatchEntity, batch));
  }

  async updateImportBatch(id: number, fields: Partial<ImportBatchEntity>): Promise<void> {
    await this.manager.update(ImportBatchEntity, { id }, fields);
  }

  // True when the event id is new. The primary key decides between concurrent deliveries; the
  // structured result carries the affected-row count on both drivers (an ignored insert
  // affects none), which InsertResult does not.
  async recordPlatformEvent(eventId: string): Promise<boolean> {
    const [sql, parameters] = this.manager
      .createQueryBuilder()
      .insert()
      .into(PlatformEventEntity)
      .values({ eventId })
      .orIgnore()
      .getQueryAndParameters();
    const runner = this.manager.queryRunner;
    if (!runner) throw new Error('recordPlatformEvent must run inside a transaction');
    const result = (await runner.query(sql, parameters, true)) as QueryResult;
    return (result.affected ?? 0) > 0;
  }
}

@Injectable()
export class MirrorRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: MirrorTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new MirrorTransaction(manager)));
  }

  getHistory(applicationId: number): Promise<StatusHistoryEntity[]> {
    return this.dataSource.getRepository(StatusHistoryEntity).find({
      where: { applicationId },
      order: { changedAt: 'ASC', id: 'ASC' },
    });
  }

  getImportBatch(id: number): Promise<ImportBatchEntity | null> {
    return this.dataSource.getRepository(ImportBatchEntity).findOneBy({ id });
  }
}
