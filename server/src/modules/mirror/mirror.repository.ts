import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { insertRows } from '../../database/bulk-insert';
import { UnitOfWork } from '../../database/unit-of-work';
import { ImportBatchEntity } from './import-batch.entity';
import { PlatformEventEntity } from './platform-event.entity';
import { StatusHistoryEntity } from './status-history.entity';

const HISTORY_COLUMNS = [
  'applicationId',
  'fromStatus',
  'toStatus',
  'changedAt',
  'source',
  'sourceRef',
] as const;

const HISTORY_SQL =
  'SELECT * FROM status_history WHERE applicationId = ? ORDER BY changedAt ASC, id ASC';

// The mirror's own tables: the status history, the import batches and the webhook event ids.
// Writes join the caller's open write (an apply is one transaction).
@Injectable()
export class MirrorRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get importBatches(): Repository<ImportBatchEntity> {
    return this.unitOfWork.repository(ImportBatchEntity);
  }

  async insertHistory(
    rows: Array<
      Pick<StatusHistoryEntity, 'applicationId' | 'fromStatus' | 'toStatus' | 'changedAt'>
    >,
    source: string,
    sourceRef: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.unitOfWork.write((manager) =>
      insertRows(
        manager,
        'status_history',
        HISTORY_COLUMNS,
        rows.map((row) => [
          row.applicationId,
          row.fromStatus,
          row.toStatus,
          row.changedAt,
          source,
          sourceRef,
        ]),
      ),
    );
  }

  // Oldest first (read on every progress screen).
  getHistory(applicationId: number): Promise<StatusHistoryEntity[]> {
    return this.unitOfWork.readEntities(StatusHistoryEntity, HISTORY_SQL, [applicationId]);
  }

  insertImportBatch(
    batch: Omit<ImportBatchEntity, 'id' | 'createdAt'>,
  ): Promise<ImportBatchEntity> {
    return this.unitOfWork.write(() => this.importBatches.save(this.importBatches.create(batch)));
  }

  async updateImportBatch(id: number, fields: Partial<ImportBatchEntity>): Promise<void> {
    await this.unitOfWork.write(() => this.importBatches.update({ id }, fields));
  }

  getImportBatch(id: number): Promise<ImportBatchEntity | null> {
    return this.importBatches.findOneBy({ id });
  }

  // True when the event id is new. The primary key decides between concurrent deliveries (an
  // ignored insert affects no row).
  recordPlatformEvent(eventId: string): Promise<boolean> {
    const [sql, parameters] = this.unitOfWork.manager
      .createQueryBuilder()
      .insert()
      .into(PlatformEventEntity)
      .values({ eventId })
      .orIgnore()
      .getQueryAndParameters();
    return this.unitOfWork.affected(sql, parameters).then((affected) => affected > 0);
  }
}
