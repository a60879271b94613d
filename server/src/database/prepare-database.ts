import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { FieldCipher } from '../common/crypto/field-cipher';
import { seedDemoApplicants } from './seed/demo-applicants.seed';
import { seedDemoCertificates } from './seed/demo-certificates.seed';
import { seedDatabase } from './seed/seed';

export interface PrepareDatabaseOptions {
  // Set only in development: seed the demo applicants with this cipher.
  demoCipher?: FieldCipher | null;
}

const MIGRATION_LOCK = 'titletrack:migrate-and-seed';
const logger = new Logger('PrepareDatabase');

/**
 * Brings the schema up to date and seeds the reference data. Several server instances may
 * start at once on one MySQL: a named lock (GET_LOCK) makes the others wait, so migrations and
 * seeds run once. An embedded SQLite file belongs to one process, so it needs no lock.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  lockTimeoutSeconds: number,
  options: PrepareDatabaseOptions = {},
): Promise<void> {
  if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') {
    await migrateAndSeed(dataSource, options);
    return;
  }
  const lockRunner = dataSource.createQueryRunner();
  try {
    const [row] = (await lockRunner.query('SELECT GET_LOCK(?, ?) AS acquired', [
      MIGRATION_LOCK,
      lockTimeoutSeconds,
    ])) as Array<{ acquired: number | string | null }>;
    if (Number(row?.acquired) !== 1) {
      throw new Error(`Timed out after ${lockTimeoutSeconds}s waiting for the migration lock`);
    }
    try {
      await migrateAndSeed(dataSource, options);
    } finally {
      await lockRunner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await lockRunner.release();
  }
}

async function migrateAndSeed(
  dataSource: DataSource,
  options: PrepareDatabaseOptions,
): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0)
    logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  const seeded = await seedDatabase(dataSource);
  if (options.demoCipher) {
    seeded.push(...(await seedDemoApplicants(dataSource, options.demoCipher)));
    seeded.push(...(await seedDemoCertificates(dataSource)));
  }
  if (seeded.length > 0) logger.log(`Seeded: ${seeded.join(', ')}`);
}
