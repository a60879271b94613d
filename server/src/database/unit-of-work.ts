import { AsyncLocalStorage } from 'node:async_hooks';

import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import type { Pool } from 'mysql2';
import { DataSource } from 'typeorm';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

import { isSqlite, toBindable } from './sql-dialect';

// The hot reads use a handful of statements; the cap only bounds a caller whose SQL varies with
// its input (IN lists of every length), oldest dropped first.
const MAX_PREPARED_STATEMENTS = 200;

type Row = Record<string, unknown>;

export interface WriteOptions {
  // MySQL/MariaDB only: SQLite transactions are serializable by construction.
  isolation?: 'READ COMMITTED';
}

/**
 * The one door for every write. Each write runs in a transaction of its own; repositories read
 * through `manager`, which is the caller's open transaction when there is one, so a use case's
 * reads see its own writes.
 *
 * SQLite through TypeORM is a single connection: a second request's statement would join an
 * open transaction and be rolled back with it. So on SQLite write transactions take turns in
 * one queue, on a connection of their own, and the connection that serves reads is made
 * read-only: a write that bypasses this door fails loudly instead of joining a stranger's
 * transaction, and no read ever sees another request's uncommitted rows (WAL gives readers
 * the last committed state). An in-memory database cannot be opened twice; there the queue
 * alone keeps transactions apart. MySQL and MariaDB isolate each pooled connection already.
 */
@Injectable()
export class UnitOfWork implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly current = new AsyncLocalStorage<EntityManager>();
  // Writes begun and not yet settled; see `track`.
  private openWrites = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private writer: DataSource;
  private readonly prepared = new Map<string, Statement<unknown[], Row>>();
  private readonly hydrators = new Map<EntityTarget<ObjectLiteral>, (row: Row) => ObjectLiteral>();

  constructor(private readonly dataSource: DataSource) {
    this.writer = dataSource;
  }

  async onModuleInit(): Promise<void> {
    const { options } = this.dataSource;
    if (options.type !== 'better-sqlite3' || options.database === ':memory:') return;
    this.writer = await new DataSource(options).initialize();
    await this.dataSource.query('PRAGMA query_only = ON');
    this.logger.debug('SQLite: writes on their own connection, reads on a read-only one');
  }

  async onModuleDestroy(): Promise<void> {
    if (this.writer !== this.dataSource && this.writer.isInitialized) {
      await this.queue;
      await this.writer.destroy();
    }
  }

  get isSqlite(): boolean {
    return isSqlite(this.dataSource);
  }

  // The open transaction of this call chain, or the reading connection.
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get isInTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  // The rows of one SELECT without TypeORM's per-query work (a query runner per statement, on
  // MySQL a pool checkout through it, the result transformer), for the reads behind every
  // signed-in screen. Outside a transaction: on SQLite a statement prepared once on the reading
  // connection; on MySQL/MariaDB one `query` on the driver's own mysql2 pool. Inside the call
  // chain's open write it runs in that transaction, so a use case still reads its own writes.
  // `sql` is written the way both families accept (see sql-dialect.ts).
  async readRows<T extends object = Row>(
    sql: string,
    parameters: readonly unknown[],
  ): Promise<T[]> {
    const bound = parameters.map(toBindable);
    const open = this.current.getStore();
    if (open) return open.query<T[]>(sql, bound);
    if (this.isSqlite) return this.statement(sql).all(...bound) as T[];
    const pool = (this.dataSource.driver as unknown as { pool: Pool }).pool;
    return new Promise<T[]>((resolve, reject) =>
      pool.query(sql, bound, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
    );
  }

  // `readRows` hydrated like TypeORM's find: instances of the entity class, each selected column
  // converted by the driver as TypeORM converts it (Date for datetime, boolean, JSON).
  async readEntities<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    sql: string,
    parameters: readonly unknown[],
  ): Promise<T[]> {
    const rows = await this.readRows(sql, parameters);
    const hydrate = this.hydrator(entity);
    return rows.map((row) => hydrate(row) as T);
  }

  /**
   * Runs `work` in a transaction: committed when it resolves, rolled back when it throws.
   * Called inside another `write` of the same call chain, it joins that one.
   */
  write<T>(work: (manager: EntityManager) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    const run = (manager: EntityManager): Promise<T> =>
      this.current.run(manager, () => work(manager));
    if (!this.isSqlite) {
      return this.track(() =>
        options.isolation
          ? this.writer.transaction(options.isolation, run)
          : this.writer.transaction(run),
      );
    }
    const turn = this.track(() => this.queue.then(() => this.writer.transaction(run)));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * While an AsyncLocalStorage is enabled, Node 20 runs async hooks on every promise the
   * process makes, every request's included: on a read-heavy day that was a fifth of the
   * server's time for nothing. So the transaction context is switched off whenever no write is
   * open (`run` switches it on again); it carries only an open transaction, so nothing is lost.
   */
  private async track<T>(start: () => Promise<T>): Promise<T> {
    this.openWrites += 1;
    try {
      return await start();
    } finally {
      this.openWrites -= 1;
      if (this.openWrites === 0) this.current.disable();
    }
  }

  // Rows affected by one statement, in the open transaction or in a write of its own. The
  // structured result carries the count on both drivers, which InsertResult does not.
  affected(sql: string, parameters: unknown[]): Promise<number> {
    return this.write(async (manager) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('A write transaction has no query runner');
      const result = await runner.query(sql, parameters, true);
      return result.affected ?? 0;
    });
  }

  private statement(sql: string): Statement<unknown[], Row> {
    let statement = this.prepared.get(sql);
    if (statement) return statement;
    const database = (this.dataSource.driver as unknown as { databaseConnection: Database })
      .databaseConnection;
    statement = database.prepare<unknown[], Row>(sql);
    if (this.prepared.size >= MAX_PREPARED_STATEMENTS) {
      const oldest = this.prepared.keys().next().value;
      if (oldest !== undefined) this.prepared.delete(oldest);
    }
    this.prepared.set(sql, statement);
    return statement;
  }

  private hydrator(entity: EntityTarget<ObjectLiteral>): (row: Row) => ObjectLiteral {
    const known = this.hydrators.get(entity);
    if (known) return known;
    const { driver } = this.dataSource;
    const metadata = this.dataSource.getMetadata(entity);
    // Plain columns only: an embedded column would need TypeORM's nesting, which no hot read has.
    if (metadata.columns.some((column) => column.embeddedMetadata)) {
      throw new Error(`${metadata.name} has embedded columns, which readEntities does not hydrate`);
    }
    const columns = metadata.columns.map((column) => ({
      column,
      name: column.databaseName,
      property: column.propertyName,
    }));
    const hydrate = (row: Row): ObjectLiteral => {
      const target = metadata.create() as Record<string, unknown>;
      for (const { column, name, property } of columns) {
        if (name in row) target[property] = driver.prepareHydratedValue(row[name], column);
      }
      return target;
    };
    this.hydrators.set(entity, hydrate);
    return hydrate;
  }

  // Lets the event loop serve other requests between the chunks of a long write.
  static yieldToOtherRequests(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
}
