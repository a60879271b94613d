import { Table, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// 投诉建议 (国办函〔2026〕12号): complaints and suggestions to a region's title office, with the
// office's latest reply. Deleting an applicant deletes their submissions: personal data.
export class Feedback1764440000000 implements MigrationInterface {
  name = 'Feedback1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'feedback',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'applicantId', type: 'integer' },
          { name: 'regionCode', type: 'varchar', length: '12' },
          { name: 'category', type: 'varchar', length: '20' },
          { name: 'text', type: 'text' },
          { name: 'contactSealed', type: 'text', isNullable: true },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'reply', type: 'text', isNullable: true },
          { name: 'replyCount', type: 'integer', default: 0 },
          { name: 'repliedAt', type: 'datetime', isNullable: true },
          { name: 'repliedByStaffUserId', type: 'integer', isNullable: true },
          { name: 'handledAt', type: 'datetime', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 0, default: 'CURRENT_TIMESTAMP' },
          {
            name: 'updatedAt',
            type: 'datetime',
            precision: 0,
            default: 'CURRENT_TIMESTAMP',
            onUpdate: 'CURRENT_TIMESTAMP',
          },
        ],
        indices: [
          new TableIndex({ name: 'IDX_feedback_applicant', columnNames: ['applicantId', 'id'] }),
          new TableIndex({
            name: 'IDX_feedback_region_state',
            columnNames: ['regionCode', 'state', 'id'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_feedback_applicant',
            columnNames: ['applicantId'],
            referencedTableName: 'applicant',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('feedback');
  }
}
