import { Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};

/**
 * What is true about a person, each fact with its source: declared by the applicant (about
 * the applicant), set by the office (about one application); the platform's own facts and its
 * return reason travel on the mirrored application row. Checklist ticks keep an applicant's
 * attachment checklist across devices.
 */
export class ApplicantFacts1764300000000 implements MigrationInterface {
  name = 'ApplicantFacts1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'fact',
        columns: [
          id,
          // 'applicant' (declared facts) or 'application' (office facts); no FK: either table.
          { name: 'subjectKind', type: 'varchar', length: '16' },
          { name: 'subjectId', type: 'integer' },
          { name: 'name', type: 'varchar', length: '40' },
          // The fact's value as JSON.
          { name: 'value', type: 'text' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'recordedAt', type: 'datetime' },
          { name: 'staffUserId', type: 'integer', isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_fact_subject_name_source',
            columnNames: ['subjectKind', 'subjectId', 'name', 'source'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'checklist_tick',
        columns: [
          id,
          { name: 'applicantId', type: 'integer' },
          { name: 'applicationId', type: 'integer' },
          { name: 'itemKey', type: 'varchar', length: '80' },
          { name: 'createdAt', type: 'datetime', precision: 0, default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_checklist_tick_applicant_application_item',
            columnNames: ['applicantId', 'applicationId', 'itemKey'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_checklist_tick_application',
            columnNames: ['applicationId'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_checklist_tick_applicant',
            columnNames: ['applicantId'],
            referencedTableName: 'applicant',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'FK_checklist_tick_application',
            columnNames: ['applicationId'],
            referencedTableName: 'application',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    await queryRunner.addColumns('application', [
      // The platform's 退回意见, shown to the applicant while the application is returned.
      new TableColumn({ name: 'returnReason', type: 'text', isNullable: true }),
      // ApplicantFacts (JSON) the platform stated, each with source 'platform'.
      new TableColumn({ name: 'platformFacts', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('application', 'platformFacts');
    await queryRunner.dropColumn('application', 'returnReason');
    await queryRunner.dropTable('checklist_tick');
    await queryRunner.dropTable('fact');
  }
}
