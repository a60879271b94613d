import { Table } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePollingState1764072000000 implements MigrationInterface {
  name = 'CreatePollingState1764072000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lease',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '200' },
          { name: 'expiresAt', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'poll_cursor',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          { name: 'cursor', type: 'text', isNullable: true },
          {
            name: 'updatedAt',
            type: 'datetime',
            precision: 0,
            default: 'CURRENT_TIMESTAMP',
            onUpdate: 'CURRENT_TIMESTAMP',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('poll_cursor');
    await queryRunner.dropTable('lease');
  }
}
