import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffRole } from '@titletrack/shared/contract';
import { TITLE_SERIES } from '@titletrack/shared/domain';
import { findRegion } from '@titletrack/shared/region';

import { AppModule } from '../app.module';
import { getConfig } from '../config/env';
import { StaffService } from '../modules/staff/staff.service';
import { USERNAME_PATTERN } from '../modules/staff/staff.dto';
import { PASSWORD_MAX_BYTES, isPasswordTooLong } from '../modules/staff/password.util';

export interface CreateStaffArgs {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
  regionCode?: string;
  county?: string;
  series?: string;
}

const USAGE =
  'Usage: STAFF_PASSWORD=… npm run staff:create -- --username NAME --role prefecture_office|series_authority|county_hr_bureau [--display-name TEXT] [--region CODE] [--county NAME (county_hr_bureau)] [--series SERIES (series_authority)]';

// Reads the command line; the password comes from the environment so it is neither in the
// shell history nor in the process list.
export function parseCreateStaffArgs(
  argv: string[],
  password: string | undefined,
): CreateStaffArgs {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const username = value('--username');
  const role = value('--role');
  if (!username || !USERNAME_PATTERN.test(username))
    throw new Error(`A valid --username is required. ${USAGE}`);
  if (!role || !(Object.values(STAFF_ROLE) as string[]).includes(role))
    throw new Error(`A valid --role is required. ${USAGE}`);
  if (!password || password.length < 12)
    throw new Error(`STAFF_PASSWORD must hold at least 12 characters. ${USAGE}`);
  if (isPasswordTooLong(password))
    throw new Error(`STAFF_PASSWORD must fit in ${PASSWORD_MAX_BYTES} bytes (UTF-8). ${USAGE}`);
  const regionCode = value('--region');
  if (regionCode !== undefined && !findRegion(regionCode))
    throw new Error(`--region must be a region code such as 6532. ${USAGE}`);
  const county = value('--county');
  if (role === STAFF_ROLE.COUNTY_HR_BUREAU && !county)
    throw new Error(`--county is required for county_hr_bureau. ${USAGE}`);
  const series = value('--series');
  if (
    role === STAFF_ROLE.SERIES_AUTHORITY &&
    (!series || !(Object.values(TITLE_SERIES) as string[]).includes(series))
  )
    throw new Error(`A valid --series is required for series_authority. ${USAGE}`);
  return {
    username,
    role: role as StaffRole,
    displayName: value('--display-name') ?? username,
    password,
    ...(regionCode === undefined ? {} : { regionCode }),
    ...(county === undefined ? {} : { county }),
    ...(series === undefined ? {} : { series }),
  };
}

export async function createStaffFromCli(args: CreateStaffArgs): Promise<string> {
  const config = getConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: false,
  });
  try {
    // Whoever runs the command on the server acts for the whole autonomous region; the account
    // lands in --region, else the deployment's region (PLATFORM_REGION_CODE).
    const user = await app.get(StaffService).create(args);
    return `Created ${user.role} account ${user.username} (id ${user.id}).`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const run = async (): Promise<void> => {
    const args = parseCreateStaffArgs(
      process.argv.slice(2),
      getConfig().cliStaffPassword ?? undefined,
    );
    process.stdout.write(`${await createStaffFromCli(args)}\n`);
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
