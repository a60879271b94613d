import { Table, TableIndex } from 'typeorm';
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
const updatedAt: TableColumnOptions = {
  name: 'updatedAt',
  type: 'datetime',
  precision: 0,
  default: 'CURRENT_TIMESTAMP',
  onUpdate: 'CURRENT_TIMESTAMP',
};

export class CreateIdentity1764061200000 implements MigrationInterface {
  name = 'CreateIdentity1764061200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'applicant',
        columns: [
          id,
          { name: 'openId', type: 'varchar', length: '64' },
          { name: 'unionId', type: 'varchar', length: '64', isNullable: true },
          createdAt,
          updatedAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_applicant_open_id',
            columnNames: ['openId'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_user',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '32' },
          { name: 'displayName', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '32' },
          { name: 'passwordHash', type: 'varchar', length: '100' },
          { name: 'isActive', type: 'boolean', default: 1 },
          createdAt,
          updatedAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_staff_user_username',
            columnNames: ['username'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          id,
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'subjectKind', type: 'varchar', length: '16' },
          { name: 'subjectId', type: 'integer' },
          { name: 'expiresAt', type: 'datetime' },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_auth_session_token_hash',
            columnNames: ['tokenHash'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_auth_session_subject',
            columnNames: ['subjectKind', 'subjectId'],
          }),
          new TableIndex({ name: 'IDX_auth_session_expires_at', columnNames: ['expiresAt'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_session');
    await queryRunner.dropTable('staff_user');
    await queryRunner.dropTable('applicant');
  }
}
