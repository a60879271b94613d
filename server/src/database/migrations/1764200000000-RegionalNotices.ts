import { Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

import { HOTAN_2023_RULES } from '@titletrack/shared/domain';

// Hotan (GB/T 2260 6532): the region of every row written before notices became per region.
const HOTAN = "'6532'";

const regionCode = (): TableColumn =>
  new TableColumn({
    name: 'regionCode',
    type: 'varchar',
    length: '12',
    default: HOTAN,
  });

// SQLite can only rebuild the table (TypeORM's changeColumn does, keeping its indexes); on
// MySQL changeColumn drops and re-creates indexes it should leave alone, so a plain MODIFY.
async function setApplicationIdNullable(queryRunner: QueryRunner, isNullable: boolean) {
  for (const table of ['reminder_alert', 'inbox_message']) {
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      await queryRunner.changeColumn(
        table,
        'applicationId',
        new TableColumn({ name: 'applicationId', type: 'integer', isNullable }),
      );
    } else {
      await queryRunner.query(
        `ALTER TABLE \`${table}\` MODIFY \`applicationId\` int ${isNullable ? 'NULL' : 'NOT NULL'}`,
      );
    }
  }
}

/**
 * Regions and years as data: a notice's calendar belongs to (region, year, route) and goes
 * draft → published → withdrawn; its parameters are rows with the sentence they came from;
 * applications and staff accounts carry their region; applicants can watch for a region's
 * notice. Alerts and inbox messages about a notice rather than an application have no
 * application.
 */
export class RegionalNotices1764200000000 implements MigrationInterface {
  name = 'RegionalNotices1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('calendar_year', 'IDX_calendar_year_year_route');
    await queryRunner.addColumns('calendar_year', [
      regionCode(),
      // Rows from before were the seed's published calendar.
      new TableColumn({ name: 'state', type: 'varchar', length: '16', default: "'published'" }),
      new TableColumn({ name: 'noticeText', type: 'text', isNullable: true }),
      // The resolved rule parameters (NoticeRules, JSON) the shared rules read once published.
      new TableColumn({ name: 'rules', type: 'text', isNullable: true }),
      new TableColumn({ name: 'version', type: 'integer', default: 1 }),
      new TableColumn({ name: 'publishedAt', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'publishedByStaffId', type: 'integer', isNullable: true }),
    ]);
    // A database seeded before holds the 2023 Hotan calendar, published with these rules.
    await queryRunner.query(
      "UPDATE calendar_year SET rules = ? WHERE year = 2023 AND route = 'prefecture_directed'",
      [JSON.stringify(HOTAN_2023_RULES)],
    );
    await queryRunner.createIndex(
      'calendar_year',
      new TableIndex({
        name: 'IDX_calendar_year_region_year_route',
        columnNames: ['regionCode', 'year', 'route'],
        isUnique: true,
      }),
    );

    await queryRunner.addColumns('calendar_event', [
      new TableColumn({ name: 'reading', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'isConfirmed', type: 'boolean', default: 1 }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'notice_parameter',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'calendarYearId', type: 'integer' },
          { name: 'name', type: 'varchar', length: '60' },
          // JSON: a number or a string.
          { name: 'value', type: 'varchar', length: '500' },
          { name: 'unit', type: 'varchar', length: '20', isNullable: true },
          { name: 'quote', type: 'text', isNullable: true },
          { name: 'isConfirmed', type: 'boolean', default: 0 },
          { name: 'inheritedFromCalendarYearId', type: 'integer', isNullable: true },
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
          new TableIndex({
            name: 'IDX_notice_parameter_year_name',
            columnNames: ['calendarYearId', 'name'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_notice_parameter_calendar_year',
            columnNames: ['calendarYearId'],
            referencedTableName: 'calendar_year',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.addColumns('notice', [
      regionCode(),
      new TableColumn({ name: 'calendarYearId', type: 'integer', isNullable: true }),
    ]);

    await queryRunner.addColumn('application', regionCode());
    await queryRunner.createIndex(
      'application',
      new TableIndex({
        name: 'IDX_application_region_year_route',
        columnNames: ['regionCode', 'year', 'route'],
      }),
    );

    await queryRunner.addColumns('staff_user', [
      regionCode(),
      // County HR bureaus act for one county (its name as the platform writes it, e.g. 于田县);
      // series authorities for one series.
      new TableColumn({ name: 'county', type: 'varchar', length: '50', isNullable: true }),
      new TableColumn({ name: 'series', type: 'varchar', length: '64', isNullable: true }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'notice_watch',
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
          { name: 'year', type: 'integer' },
          { name: 'notifiedAt', type: 'datetime', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 0, default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_notice_watch_applicant_region_year',
            columnNames: ['applicantId', 'regionCode', 'year'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_notice_watch_region_year',
            columnNames: ['regionCode', 'year', 'notifiedAt'],
          }),
        ],
      }),
    );

    await setApplicationIdNullable(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['reminder_alert', 'inbox_message']) {
      await queryRunner.query(`DELETE FROM ${table} WHERE applicationId IS NULL`);
    }
    await setApplicationIdNullable(queryRunner, false);
    await queryRunner.dropTable('notice_watch');
    await queryRunner.dropColumns('staff_user', ['regionCode', 'county', 'series']);
    await queryRunner.dropIndex('application', 'IDX_application_region_year_route');
    await queryRunner.dropColumn('application', 'regionCode');
    await queryRunner.dropColumns('notice', ['regionCode', 'calendarYearId']);
    await queryRunner.dropTable('notice_parameter');
    await queryRunner.dropColumns('calendar_event', ['reading', 'isConfirmed']);
    await queryRunner.dropIndex('calendar_year', 'IDX_calendar_year_region_year_route');
    await queryRunner.dropColumns('calendar_year', [
      'regionCode',
      'state',
      'noticeText',
      'rules',
      'version',
      'publishedAt',
      'publishedByStaffId',
    ]);
    await queryRunner.createIndex(
      'calendar_year',
      new TableIndex({
        name: 'IDX_calendar_year_year_route',
        columnNames: ['year', 'route'],
        isUnique: true,
      }),
    );
  }
}
