import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const createdAt = {
  name: 'createdAt',
  type: 'datetime',
  precision: 0,
  default: 'CURRENT_TIMESTAMP',
} as const;
const updatedAt = {
  name: 'updatedAt',
  type: 'datetime',
  precision: 0,
  default: 'CURRENT_TIMESTAMP',
  onUpdate: 'CURRENT_TIMESTAMP',
} as const;
const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
} as const;

// Issue 6: the reminder pipeline. reminder_alert is the outbox (one row per alert, unique
// dedupe key); inbox_message is one row per alert and bound applicant and carries the state of
// its WeChat push; the rest is WeChat state shared by every instance.
export class CreateReminders1764075600000 implements MigrationInterface {
  name = 'CreateReminders1764075600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reminder_alert',
        columns: [
          id,
          { name: 'dedupeKey', type: 'varchar', length: '160' },
          { name: 'applicationId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'ruleId', type: 'varchar', length: '8' },
          { name: 'section', type: 'varchar', length: '40' },
          { name: 'deadline', type: 'datetime', isNullable: true },
          { name: 'data', type: 'text' },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_reminder_alert_dedupe_key',
            columnNames: ['dedupeKey'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_reminder_alert_application',
            columnNames: ['applicationId', 'kind'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inbox_message',
        columns: [
          id,
          { name: 'alertId', type: 'integer' },
          { name: 'applicantId', type: 'integer' },
          { name: 'applicationId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'readAt', type: 'datetime', isNullable: true },
          { name: 'pushState', type: 'varchar', length: '20' },
          { name: 'pushAttempts', type: 'integer', default: 0 },
          { name: 'pushNotBefore', type: 'datetime' },
          { name: 'claimToken', type: 'varchar', length: '40', isNullable: true },
          { name: 'claimExpiresAt', type: 'datetime', isNullable: true },
          { name: 'templateId', type: 'varchar', length: '64', isNullable: true },
          { name: 'pushError', type: 'varchar', length: '300', isNullable: true },
          { name: 'wechatMsgId', type: 'varchar', length: '40', isNullable: true },
          { name: 'pushedAt', type: 'datetime', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_inbox_message_alert_applicant',
            columnNames: ['alertId', 'applicantId'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_inbox_message_applicant',
            columnNames: ['applicantId', 'id'],
          }),
          new TableIndex({
            name: 'IDX_inbox_message_push',
            columnNames: ['pushState', 'pushNotBefore', 'id'],
          }),
          new TableIndex({ name: 'IDX_inbox_message_application', columnNames: ['applicationId'] }),
          new TableIndex({ name: 'IDX_inbox_message_claim', columnNames: ['claimToken'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'subscription_credit',
        columns: [
          id,
          { name: 'applicantId', type: 'integer' },
          { name: 'templateId', type: 'varchar', length: '64' },
          { name: 'credits', type: 'integer', default: 0 },
          { name: 'acceptedTotal', type: 'integer', default: 0 },
          { name: 'isSwitchedOff', type: 'boolean', default: 0 },
          updatedAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_subscription_credit_key',
            columnNames: ['applicantId', 'templateId'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'subscription_switch',
        columns: [
          { name: 'applicantId', type: 'integer', isPrimary: true },
          { name: 'isMainSwitchOff', type: 'boolean', default: 0 },
          updatedAt,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wechat_access_token',
        columns: [
          { name: 'appId', type: 'varchar', length: '32', isPrimary: true },
          { name: 'token', type: 'text' },
          { name: 'expiresAt', type: 'datetime' },
          updatedAt,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wechat_event',
        columns: [
          id,
          { name: 'dedupeKey', type: 'varchar', length: '160' },
          { name: 'event', type: 'varchar', length: '40' },
          { name: 'openId', type: 'varchar', length: '64' },
          { name: 'templateId', type: 'varchar', length: '64', isNullable: true },
          { name: 'status', type: 'varchar', length: '60', isNullable: true },
          { name: 'msgId', type: 'varchar', length: '40', isNullable: true },
          { name: 'errorCode', type: 'integer', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_wechat_event_dedupe_key',
            columnNames: ['dedupeKey'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_cursor',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          { name: 'position', type: 'integer', default: 0 },
          updatedAt,
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'reminder_cursor',
      'wechat_event',
      'wechat_access_token',
      'subscription_switch',
      'subscription_credit',
      'inbox_message',
      'reminder_alert',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
