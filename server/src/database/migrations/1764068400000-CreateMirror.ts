import { Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const createdAt: TableColumnOptions = {
  name: 'createdAt',
  type: 'datetime',
  precision: 0,
  default: 'CURRENT_TIMESTAMP',
};

export class CreateMirror1764068400000 implements MigrationInterface {
  name = 'CreateMirror1764068400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('application', [
      new TableColumn({ name: 'employer', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'county', type: 'varchar', length: '50', isNullable: true }),
      new TableColumn({ name: 'submissionCount', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'isFeePaid', type: 'boolean', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'status_history',
        columns: [
          id,
          { name: 'applicationId', type: 'integer' },
          { name: 'fromStatus', type: 'varchar', length: '40', isNullable: true },
          { name: 'toStatus', type: 'varchar', length: '40' },
          { name: 'changedAt', type: 'datetime' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'sourceRef', type: 'varchar', length: '100' },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_status_history_application',
            columnNames: ['applicationId', 'changedAt'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_status_history_application',
            columnNames: ['applicationId'],
            referencedTableName: 'application',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'domain_event',
        columns: [
          id,
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'applicationId', type: 'integer' },
          { name: 'payload', type: 'text' },
          createdAt,
        ],
        indices: [new TableIndex({ name: 'IDX_domain_event_kind', columnNames: ['kind', 'id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'import_batch',
        columns: [
          id,
          { name: 'fileName', type: 'varchar', length: '255' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'format', type: 'varchar', length: '8' },
          { name: 'rowCount', type: 'integer' },
          { name: 'createdCount', type: 'integer' },
          { name: 'changedCount', type: 'integer' },
          { name: 'unchangedCount', type: 'integer' },
          { name: 'skipped', type: 'text' },
          { name: 'staffUserId', type: 'integer', isNullable: true },
          createdAt,
        ],
        indices: [new TableIndex({ name: 'IDX_import_batch_sha256', columnNames: ['sha256'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'platform_event',
        columns: [
          { name: 'eventId', type: 'varchar', length: '100', isPrimary: true },
          { name: 'receivedAt', type: 'datetime', precision: 0, default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          new TableIndex({ name: 'IDX_platform_event_received_at', columnNames: ['receivedAt'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('platform_event');
    await queryRunner.dropTable('import_batch');
    await queryRunner.dropTable('domain_event');
    await queryRunner.dropTable('status_history');
    await queryRunner.dropColumns('application', [
      'isFeePaid',
      'submissionCount',
      'county',
      'employer',
    ]);
  }
}
