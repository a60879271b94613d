import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';

import {
  hasReturning,
  hasRowLocks,
  MAX_PARAMETERS,
  placeholders,
  quote,
  toBindable,
} from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationEntity } from '../application/application.entity';
import { ImportBatchEntity } from './import-batch.entity';
import { PlatformEventEntity } from './platform-event.entity';
import { StatusHistoryEntity } from './status-history.entity';

const CHUNK = 500;

// The columns a new mirrored application is written with; the database fills id and timestamps.
const NEW_APPLICATION_COLUMNS = [
  'applicationNo',
  'applicantName',
  'idCardCipher',
  'idCardBlindIndex',
  'employer',
  'county',
  'series',
  'specialty',
  'level',
  'route',
  'year',
  'status',
  'statusChangedAt',
  'submissionCount',
  'isFeePaid',
] as const;
export type NewApplication = Pick<ApplicationEntity, (typeof NEW_APPLICATION_COLUMNS)[number]>;

// The unit of work of one apply: every method runs inside the caller's transaction.
export class MirrorTransaction {
  constructor(private readonly manager: EntityManager) {}

  // Rows about to change are locked so two instances applying news about the same application
  // serialise (SQLite has no row locks: its writer queue serialises instead). A plain SELECT of the numbers comes first: most rows of
  // a large import are new, and loading entities for nothing was a tenth of its time.
  async getByApplicationNosForUpdate(applicationNos: string[]): Promise<ApplicationEntity[]> {
    const found: ApplicationEntity[] = [];
    for (let i = 0; i < applicationNos.length; i += CHUNK) {
      const candidates = applicationNos.slice(i, i + CHUNK);
      if (candidates.length === 0) continue;
      const existing: Array<{ applicationNo: string }> = await this.manager.query(
        `SELECT ${this.quote('applicationNo')} FROM ${this.quote('application')} WHERE ${this.quote('applicationNo')} IN (${placeholders(candidates.length)})`,
        candidates,
      );
      if (existing.length === 0) continue;
      const query = this.manager
        .getRepository(ApplicationEntity)
        .createQueryBuilder('application')
        .where({ applicationNo: In(existing.map((row) => row.applicationNo)) });
      if (hasRowLocks(this.manager)) query.setLock('pessimistic_write');
      found.push(...(await query.getMany()));
    }
    return found;
  }

  // Plain multi-row INSERTs: TypeORM's insert builder names every parameter and checks names
  // quadratically, which made a 1,000,000-row import crawl. The generated ids, which the history
  // rows need, come back with RETURNING where the database has it (SQLite, MariaDB); MySQL has
  // not, so there one SELECT per chunk reads them back.
  async insertApplications(
    applications: NewApplication[],
  ): Promise<Array<NewApplication & { id: number }>> {
    if (applications.length === 0) return [];
    const returning = this.hasReturning()
      ? ` RETURNING ${this.quote('id')}, ${this.quote('applicationNo')}`
      : '';
    const returned = await this.insertRows(
      'application',
      NEW_APPLICATION_COLUMNS,
      applications.map((a) => NEW_APPLICATION_COLUMNS.map((c) => a[c])),
      returning,
    );
    const ids =
      returning === ''
        ? await this.getApplicationIdsByNos(applications.map((a) => a.applicationNo))
        : new Map(
            (returned as Array<{ id: number; applicationNo: string }>).map((row) => [
              row.applicationNo,
              Number(row.id),
            ]),
          );
    return applications.map((a) => Object.assign(a, { id: ids.get(a.applicationNo) as number }));
  }

  async updateApplication(id: number, fields: Partial<ApplicationEntity>): Promise<void> {
    await this.manager.update(ApplicationEntity, { id }, fields);
  }

  async insertHistory(
    rows: Array<
      Pick<StatusHistoryEntity, 'applicationId' | 'fromStatus' | 'toStatus' | 'changedAt'>
    >,
    source: string,
    sourceRef: string,
  ): Promise<void> {
    const columns = ['applicationId', 'fromStatus', 'toStatus', 'changedAt', 'source', 'sourceRef'];
    await this.insertRows(
      'status_history',
      columns,
      rows.map((row) => [
        row.applicationId,
        row.fromStatus,
        row.toStatus,
        row.changedAt,
        source,
        sourceRef,
      ]),
    );
  }

  // Returns what a RETURNING clause (`returning`, may be empty) gave back, all chunks together.
  private async insertRows(
    table: string,
    columns: readonly string[],
    rows: unknown[][],
    returning = '',
  ): Promise<unknown[]> {
    const perStatement = Math.max(1, Math.min(CHUNK, Math.floor(MAX_PARAMETERS / columns.length)));
    const head = `INSERT INTO ${this.quote(table)} (${columns.map((c) => this.quote(c)).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const returned: unknown[] = [];
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const result: unknown = await this.manager.query(
        head + chunk.map(() => tuple).join(', ') + returning,
        chunk.flatMap((row) => row.map(toBindable)),
      );
      if (returning !== '' && Array.isArray(result)) returned.push(...(result as unknown[]));
    }
    return returned;
  }

  private hasReturning(): boolean {
    return hasReturning(this.manager);
  }

  private quote(identifier: string): string {
    return quote(this.manager, identifier);
  }

  async getApplicationIdsByNos(applicationNos: string[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let i = 0; i < applicationNos.length; i += CHUNK) {
      const chunk = applicationNos.slice(i, i + CHUNK);
      const rows: Array<{ id: number; applicationNo: string }> = await this.manager.query(
        `SELECT ${this.quote('id')}, ${this.quote('applicationNo')} FROM ${this.quote('application')} WHERE ${this.quote('applicationNo')} IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) ids.set(row.applicationNo, Number(row.id));
    }
    return ids;
  }

  async insertImportBatch(
    batch: Omit<ImportBatchEntity, 'id' | 'createdAt'>,
  ): Promise<ImportBatchEntity> {
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
    const result = await runner.query(sql, parameters, true);
    return (result.affected ?? 0) > 0;
  }
}

@Injectable()
export class MirrorRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  transaction<T>(work: (tx: MirrorTransaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.write((manager) => work(new MirrorTransaction(manager)));
  }

  getHistory(applicationId: number): Promise<StatusHistoryEntity[]> {
    return this.unitOfWork.repository(StatusHistoryEntity).find({
      where: { applicationId },
      order: { changedAt: 'ASC', id: 'ASC' },
    });
  }

  getImportBatch(id: number): Promise<ImportBatchEntity | null> {
    return this.unitOfWork.repository(ImportBatchEntity).findOneBy({ id });
  }
}
