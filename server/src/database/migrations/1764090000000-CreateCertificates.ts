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
const updatedAt: TableColumnOptions = {
  name: 'updatedAt',
  type: 'datetime',
  precision: 0,
  default: 'CURRENT_TIMESTAMP',
  onUpdate: 'CURRENT_TIMESTAMP',
};

function foreignKey(
  table: string,
  column: string,
  referenced: string,
  onDelete: 'CASCADE' | 'SET NULL',
): TableForeignKey {
  return new TableForeignKey({
    name: `FK_${table}_${column}`,
    columnNames: [column],
    referencedTableName: referenced,
    referencedColumnNames: ['id'],
    onDelete,
    onUpdate: 'NO ACTION',
  });
}

export class CreateCertificates1764090000000 implements MigrationInterface {
  name = 'CreateCertificates1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'certificate',
        columns: [
          id,
          { name: 'publicId', type: 'varchar', length: '32' },
          { name: 'certificateNo', type: 'varchar', length: '64' },
          { name: 'applicationId', type: 'integer', isNullable: true },
          { name: 'holderName', type: 'varchar', length: '100' },
          { name: 'holderIdCipher', type: 'text' },
          { name: 'holderIdBlindIndex', type: 'varchar', length: '64' },
          { name: 'series', type: 'varchar', length: '64' },
          { name: 'specialty', type: 'varchar', length: '100' },
          { name: 'level', type: 'varchar', length: '32' },
          { name: 'qualificationDocumentNo', type: 'varchar', length: '100', isNullable: true },
          { name: 'qualificationDocumentDate', type: 'varchar', length: '10', isNullable: true },
          { name: 'issuedOn', type: 'varchar', length: '10' },
          { name: 'issuingCommittee', type: 'varchar', length: '100' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'revokedReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'revokedAt', type: 'datetime', isNullable: true },
          createdAt,
          updatedAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_certificate_public_id',
            columnNames: ['publicId'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_certificate_no',
            columnNames: ['certificateNo'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_certificate_application', columnNames: ['applicationId'] }),
        ],
        foreignKeys: [foreignKey('certificate', 'applicationId', 'application', 'SET NULL')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_share_link',
        columns: [
          id,
          { name: 'certificateId', type: 'integer' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'purpose', type: 'varchar', length: '200' },
          { name: 'fields', type: 'varchar', length: '200' },
          { name: 'expiresAt', type: 'datetime' },
          { name: 'revokedAt', type: 'datetime', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'IDX_certificate_share_link_token',
            columnNames: ['tokenHash'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_certificate_share_link_certificate',
            columnNames: ['certificateId'],
          }),
        ],
        foreignKeys: [
          foreignKey('certificate_share_link', 'certificateId', 'certificate', 'CASCADE'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_verification',
        columns: [
          id,
          { name: 'certificateId', type: 'integer' },
          { name: 'shareLinkId', type: 'integer', isNullable: true },
          { name: 'channel', type: 'varchar', length: '8' },
          { name: 'verifierTag', type: 'varchar', length: '16' },
          { name: 'verifiedAt', type: 'datetime', precision: 0, default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_certificate_verification_certificate',
            columnNames: ['certificateId', 'verifiedAt'],
          }),
        ],
        foreignKeys: [
          foreignKey('certificate_verification', 'certificateId', 'certificate', 'CASCADE'),
          foreignKey(
            'certificate_verification',
            'shareLinkId',
            'certificate_share_link',
            'SET NULL',
          ),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          id,
          { name: 'staffUserId', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'targetType', type: 'varchar', length: '32' },
          { name: 'targetId', type: 'varchar', length: '64' },
          { name: 'detail', type: 'text' },
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_log_target', columnNames: ['targetType', 'targetId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log');
    await queryRunner.dropTable('certificate_verification');
    await queryRunner.dropTable('certificate_share_link');
    await queryRunner.dropTable('certificate');
  }
}
