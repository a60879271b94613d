import { Table, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

const id: TableColumnOptions = {
  name: 'id',
  // "integer" is what SQLite's AUTOINCREMENT demands; MySQL reads it as int.
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const timestamps: TableColumnOptions[] = [
  { name: 'createdAt', type: 'datetime', precision: 0, default: 'CURRENT_TIMESTAMP' },
  // SQLite ignores onUpdate; TypeORM sets updatedAt itself on every save.
  {
    name: 'updatedAt',
    type: 'datetime',
    precision: 0,
    default: 'CURRENT_TIMESTAMP',
    onUpdate: 'CURRENT_TIMESTAMP',
  },
];

export class CreateNoticeAndCalendar1764057600000 implements MigrationInterface {
  name = 'CreateNoticeAndCalendar1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notice',
        columns: [
          id,
          { name: 'slug', type: 'varchar', length: '100' },
          { name: 'documentNumber', type: 'varchar', length: '100' },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'issuer', type: 'varchar', length: '200' },
          { name: 'publishedOn', type: 'varchar', length: '10' },
          { name: 'year', type: 'integer' },
          { name: 'body', type: 'text' },
          ...timestamps,
        ],
        indices: [
          new TableIndex({ name: 'IDX_notice_slug', columnNames: ['slug'], isUnique: true }),
          new TableIndex({ name: 'IDX_notice_year', columnNames: ['year'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_year',
        columns: [
          id,
          { name: 'year', type: 'integer' },
          { name: 'route', type: 'varchar', length: '32' },
          { name: 'region', type: 'varchar', length: '50' },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'noticeDocumentNumber', type: 'varchar', length: '100' },
          ...timestamps,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_calendar_year_year_route',
            columnNames: ['year', 'route'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_event',
        columns: [
          id,
          { name: 'calendarYearId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'startsAt', type: 'datetime', isNullable: true },
          { name: 'endsAt', type: 'datetime' },
          { name: 'section', type: 'varchar', length: '20' },
          { name: 'wording', type: 'text' },
          { name: 'interpretation', type: 'text', isNullable: true },
          ...timestamps,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_calendar_event_year_kind',
            columnNames: ['calendarYearId', 'kind'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_calendar_event_ends_at', columnNames: ['endsAt'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_calendar_event_calendar_year',
            columnNames: ['calendarYearId'],
            referencedTableName: 'calendar_year',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_event');
    await queryRunner.dropTable('calendar_year');
    await queryRunner.dropTable('notice');
  }
}
