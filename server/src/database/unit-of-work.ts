import { AsyncLocalStorage } from 'node:async_hooks';

import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

import { isSqlite } from './sql-dialect';

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
  private queue: Promise<unknown> = Promise.resolve();
  private writer: DataSource;

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
      return options.isolation
        ? this.writer.transaction(options.isolation, run)
        : this.writer.transaction(run);
    }
    const turn = this.queue.then(() => this.writer.transaction(run));
    this.queue = turn.catch(() => undefined);
    return turn;
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

  // Lets the event loop serve other requests between the chunks of a long write.
  static yieldToOtherRequests(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
}
