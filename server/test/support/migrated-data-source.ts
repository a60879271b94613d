import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { getConfig } from '../../src/config/env';
import { buildDataSourceOptions } from '../../src/database/database.options';
import { prepareDatabase } from '../../src/database/prepare-database';
import type { ApplicationEntity } from '../../src/modules/application/application.entity';

// The database of the pass (in-memory SQLite, or the MariaDB of the MySQL pass), migrated and
// seeded by the real start-up, without Nest: for specs of one repository or of the unit of work.
export async function openMigratedDataSource(): Promise<DataSource> {
  const quiet = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  try {
    const dataSource = await new DataSource(
      await buildDataSourceOptions(getConfig().database),
    ).initialize();
    await prepareDatabase(dataSource, 30);
    return dataSource;
  } finally {
    quiet.mockRestore();
  }
}

// An application row as stored, with a stand-in for the sealed ID number (specs that never
// decrypt it); `overrides` give what the spec is about.
export function storedApplicationFields(
  applicationNo: string,
  overrides: Partial<ApplicationEntity> = {},
): Partial<ApplicationEntity> {
  return {
    applicationNo,
    applicantName: '测试·申报人',
    idCardCipher: 'v1:cipher',
    idCardBlindIndex: 'ab'.repeat(32),
    employer: null,
    county: null,
    year: 2024,
    route: 'prefecture_directed',
    level: 'intermediate',
    series: 'education',
    specialty: '小学语文',
    status: 'submitted',
    statusChangedAt: new Date('2024-07-21T03:04:05Z'),
    submissionCount: null,
    isFeePaid: true,
    ...overrides,
  };
}
