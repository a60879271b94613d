import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// The nonces of WeChat's message push seen within the freshness window, shared by every
// instance: a push whose timestamp and nonce are here already is a replay.
export class CreateWechatPushNonce1764420000000 implements MigrationInterface {
  name = 'CreateWechatPushNonce1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'wechat_push_nonce',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'nonceKey', type: 'varchar', length: '64' },
          { name: 'expiresAt', type: 'datetime' },
          { name: 'createdAt', type: 'datetime', precision: 0, default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_wechat_push_nonce_key',
            columnNames: ['nonceKey'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_wechat_push_nonce_expires_at',
            columnNames: ['expiresAt'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('wechat_push_nonce');
  }
}
