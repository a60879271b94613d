import { AsyncLocalStorage } from 'node:async_hooks';

import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import type { Pool } from 'mysql2';
import { DataSource } from 'typeorm';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

import { isSqlite, toBindable } from './sql-dialect';

// The hot reads use a handful of statements; the cap only bounds a caller whose SQL varies with
// its input (IN lists of every length), oldest dropped first.
const MAX_PREPARED_STATEMENTS = 200;

type Row = Record<string, unknown>;

// A statement prepared once in raw mode: better-sqlite3 then hands back each row as an array,
// instead of naming every column of every row through V8's string table (on a 21-column row that
// was most of the statement's time under load). `columns` names the array's positions.
interface PreparedRead {
  statement: Statement<unknown[], unknown[]>;
  columns: string[];
}

interface HydratedColumn {
  index: number;
  property: string;
  // null when the driver would hand the value back unchanged.
  convert: ((value: unknown) => unknown) | null;
}

// Column types whose stored value TypeORM's drivers return as they are (no transformer): the
// hydrators skip the driver's per-value type dispatch for them.
const UNCONVERTED_COLUMN_TYPES = new Set(['varchar', 'text', 'int', 'integer']);

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
  private readonly prepared = new Map<string, PreparedRead>();
  private readonly hydrators = new Map<EntityTarget<ObjectLiteral>, (row: Row) => ObjectLiteral>();
  private readonly arrayHydrators = new Map<
    string,
    { entity: EntityTarget<ObjectLiteral>; hydrate: (row: unknown[]) => ObjectLiteral }
  >();

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
    if (this.isSqlite) {
      const { statement, columns } = this.statement(sql);
      return statement.all(...bound).map((values) => {
        const row: Row = {};
        for (let i = 0; i < columns.length; i += 1) row[columns[i] as string] = values[i];
        return row as T;
      });
    }
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
    if (this.isSqlite && !this.current.getStore()) {
      const { statement, columns } = this.statement(sql);
      const hydrate = this.arrayHydrator(entity, sql, columns);
      return statement.all(...parameters.map(toBindable)).map((values) => hydrate(values) as T);
    }
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

  private statement(sql: string): PreparedRead {
    const known = this.prepared.get(sql);
    if (known) return known;
    const database = (this.dataSource.driver as unknown as { databaseConnection: Database })
      .databaseConnection;
    const statement = database.prepare<unknown[], unknown[]>(sql).raw(true);
    const read = { statement, columns: statement.columns().map((column) => column.name) };
    if (this.prepared.size >= MAX_PREPARED_STATEMENTS) {
      const oldest = this.prepared.keys().next().value;
      if (oldest !== undefined) {
        this.prepared.delete(oldest);
        this.arrayHydrators.delete(oldest);
      }
    }
    this.prepared.set(sql, read);
    return read;
  }

  // Each selected column of `entity` by its position in the statement's rows.
  private arrayHydrator(
    entity: EntityTarget<ObjectLiteral>,
    sql: string,
    columns: string[],
  ): (row: unknown[]) => ObjectLiteral {
    const known = this.arrayHydrators.get(sql);
    if (known?.entity === entity) return known.hydrate;
    const metadata = this.entityMetadata(entity);
    const selected: HydratedColumn[] = [];
    for (const column of metadata.columns) {
      const index = columns.indexOf(column.databaseName);
      if (index >= 0) selected.push({ index, ...this.columnHydration(column) });
    }
    const hydrate = (row: unknown[]): ObjectLiteral => {
      const target = metadata.create() as Record<string, unknown>;
      for (const { index, property, convert } of selected) {
        target[property] = convert ? convert(row[index]) : row[index];
      }
      return target;
    };
    this.arrayHydrators.set(sql, { entity, hydrate });
    return hydrate;
  }

  private columnHydration(column: ColumnMetadata): Omit<HydratedColumn, 'index'> {
    const { driver } = this.dataSource;
    const isUnconverted =
      !column.transformer &&
      typeof column.type === 'string' &&
      UNCONVERTED_COLUMN_TYPES.has(column.type);
    return {
      property: column.propertyName,
      convert: isUnconverted ? null : (value) => driver.prepareHydratedValue(value, column),
    };
  }

  private entityMetadata(entity: EntityTarget<ObjectLiteral>): EntityMetadata {
    const metadata = this.dataSource.getMetadata(entity);
    // Plain columns only: an embedded column would need TypeORM's nesting, which no hot read has.
    if (metadata.columns.some((column) => column.embeddedMetadata)) {
      throw new Error(`${metadata.name} has embedded columns, which readEntities does not hydrate`);
    }
    return metadata;
  }

  private hydrator(entity: EntityTarget<ObjectLiteral>): (row: Row) => ObjectLiteral {
    const known = this.hydrators.get(entity);
    if (known) return known;
    const metadata = this.entityMetadata(entity);
    const columns = metadata.columns.map((column) => ({
      name: column.databaseName,
      ...this.columnHydration(column),
    }));
    const hydrate = (row: Row): ObjectLiteral => {
      const target = metadata.create() as Record<string, unknown>;
      for (const { name, property, convert } of columns) {
        if (name in row) target[property] = convert ? convert(row[name]) : row[name];
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
