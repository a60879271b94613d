import { Table, TableForeignKey, TableIndex } from 'typeorm';
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

export class CreateApplicationBinding1764064800000 implements MigrationInterface {
  name = 'CreateApplicationBinding1764064800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'application',
        columns: [
          id,
          { name: 'applicationNo', type: 'varchar', length: '64' },
          { name: 'applicantName', type: 'varchar', length: '100' },
          { name: 'idCardCipher', type: 'text' },
          { name: 'idCardBlindIndex', type: 'varchar', length: '64' },
          { name: 'year', type: 'integer' },
          { name: 'route', type: 'varchar', length: '32' },
          { name: 'level', type: 'varchar', length: '32' },
          { name: 'series', type: 'varchar', length: '64' },
          { name: 'specialty', type: 'varchar', length: '100' },
          { name: 'status', type: 'varchar', length: '40' },
          { name: 'statusChangedAt', type: 'datetime' },
          createdAt,
          {
            name: 'updatedAt',
            type: 'datetime',
            precision: 0,
            default: 'CURRENT_TIMESTAMP',
            onUpdate: 'CURRENT_TIMESTAMP',
          },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_application_application_no',
            columnNames: ['applicationNo'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_application_blind_index',
            columnNames: ['idCardBlindIndex'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'application_binding',
        columns: [
          id,
          { name: 'applicantId', type: 'integer' },
          { name: 'applicationId', type: 'integer' },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_application_binding_applicant',
            columnNames: ['applicantId'],
          }),
          new TableIndex({
            name: 'IDX_application_binding_application',
            columnNames: ['applicationId'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_application_binding_applicant',
            columnNames: ['applicantId'],
            referencedTableName: 'applicant',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'FK_application_binding_application',
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
        name: 'rate_limit_counter',
        columns: [
          id,
          { name: 'bucket', type: 'varchar', length: '200' },
          { name: 'hits', type: 'integer' },
          { name: 'expiresAt', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_rate_limit_counter_bucket',
            columnNames: ['bucket'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_rate_limit_counter_expires_at', columnNames: ['expiresAt'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limit_counter');
    await queryRunner.dropTable('application_binding');
    await queryRunner.dropTable('application');
  }
}
