import type { MigrationInterface, QueryRunner } from 'typeorm';

// The domain event that a certificate exists is named after the alert it feeds.
export class RenameCertificateReadyEvent1764100000000 implements MigrationInterface {
  name = 'RenameCertificateReadyEvent1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "UPDATE domain_event SET kind = 'certificate_ready' WHERE kind = 'certificate_issued'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "UPDATE domain_event SET kind = 'certificate_issued' WHERE kind = 'certificate_ready'",
    );
  }
}
