import { availableParallelism } from 'node:os';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE, STAFF_ROLE } from '@titletrack/shared/contract';
import type { RateLimitedDetails, StaffPrincipal, StaffRole } from '@titletrack/shared/contract';
import { TITLE_SERIES } from '@titletrack/shared/domain';
import { XINJIANG, findRegion } from '@titletrack/shared/region';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppException } from '../../common/app.exception';
import { isRegionInStaffScope, isRegionWide } from '../../common/staff-scope';
import { ConcurrencyLimit } from './concurrency-limit.util';
import { hashPassword, verifyPassword } from './password.util';
import { mapStaffUser } from './staff.dto';
import type { StaffUserListResponseDto, StaffUserResponseDto } from './staff.dto';
import type { StaffUserEntity } from './staff-user.entity';
import { StaffRepository } from './staff.repository';

export interface NewStaffUser {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
  // Defaults to the creating account's region.
  regionCode?: string;
  county?: string | null;
  series?: string | null;
}

// Who creates the account: its region bounds the new account's.
export type StaffCreator = Pick<StaffPrincipal, 'role' | 'regionCode' | 'county' | 'series'>;

const SERIES_VALUES: readonly string[] = Object.values(TITLE_SERIES);

// bcrypt runs on libuv's thread pool, not on the event loop, but each check still takes a core for
// a quarter of a second: at most one core fewer than the machine has (one on two cores, at most
// two, which also leaves the pool's other threads to file reads and gzip), so the event loop
// keeps a core for every other request. Up to four checks per slot (about a second of work) wait.
const MAX_RUNNING_PASSWORD_CHECKS = Math.max(1, Math.min(2, availableParallelism() - 1));
const MAX_WAITING_PASSWORD_CHECKS = 4 * MAX_RUNNING_PASSWORD_CHECKS;

@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);
  private readonly passwordChecks = new ConcurrencyLimit(
    MAX_RUNNING_PASSWORD_CHECKS,
    MAX_WAITING_PASSWORD_CHECKS,
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staffRepository: StaffRepository,
  ) {}

  // Without a creator the server's operator creates it (the CLI): region-wide, and the account
  // lands in the deployment's region unless told otherwise.
  async create(user: NewStaffUser, creator?: StaffCreator): Promise<StaffUserResponseDto> {
    const scope = this.scopeOfNewAccount(creator ?? this.serverOperator(), user);
    const created = await this.staffRepository.create({
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      ...scope,
      passwordHash: await hashPassword(user.password),
    });
    if (!created) {
      this.logger.debug(`Username ${user.username} is taken`);
      throw new AppException(ERROR_CODE.USERNAME_TAKEN, 'Username is taken');
    }
    this.logger.log(`Created staff account ${created.username} (${created.role})`);
    return mapStaffUser(created);
  }

  // An account acts in the creator's region (the autonomous region's office may pick any); a
  // county HR bureau needs its county, a series authority its series, and no role carries the
  // other's field.
  private serverOperator(): StaffCreator {
    return {
      role: STAFF_ROLE.PREFECTURE_OFFICE,
      regionCode: XINJIANG.code,
      county: null,
      series: null,
    };
  }

  private scopeOfNewAccount(
    creator: StaffCreator,
    user: NewStaffUser,
  ): Pick<StaffUserEntity, 'regionCode' | 'county' | 'series'> {
    const regionCode =
      user.regionCode ??
      (isRegionWide(creator) ? this.config.platformRegionCode : creator.regionCode);
    if (!findRegion(regionCode)) {
      this.logger.debug(`New staff account for unknown region ${regionCode}`);
      throw new AppException(ERROR_CODE.REGION_UNKNOWN, 'Unknown region');
    }
    if (!isRegionInStaffScope(creator, regionCode)) {
      this.logger.debug(
        `Staff of ${creator.regionCode} tried to create an account in ${regionCode}`,
      );
      throw new AppException(ERROR_CODE.OUT_OF_SCOPE, 'Region outside the creator’s scope');
    }
    const county = user.county?.trim() || null;
    const series = user.series ?? null;
    if (user.role === STAFF_ROLE.COUNTY_HR_BUREAU && county === null) {
      throw new AppException(ERROR_CODE.VALIDATION_FAILED, 'A county HR bureau needs its county', {
        details: [{ field: 'county', messages: ['county is required for county_hr_bureau'] }],
      });
    }
    if (
      user.role === STAFF_ROLE.SERIES_AUTHORITY &&
      (series === null || !SERIES_VALUES.includes(series))
    ) {
      throw new AppException(ERROR_CODE.VALIDATION_FAILED, 'A series authority needs its series', {
        details: [
          { field: 'series', messages: ['series must be a title series for series_authority'] },
        ],
      });
    }
    return {
      regionCode,
      county: user.role === STAFF_ROLE.COUNTY_HR_BUREAU ? county : null,
      series: user.role === STAFF_ROLE.SERIES_AUTHORITY ? series : null,
    };
  }

  async getAll(): Promise<StaffUserListResponseDto> {
    return { items: (await this.staffRepository.getAll()).map(mapStaffUser) };
  }

  // The one way to a first account: from config, only while there is no staff at all.
  async createBootstrapAdminIfNone(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (admin === null || (await this.staffRepository.hasAny())) return;
    await this.staffRepository.createIfUsernameFree({
      username: admin.username,
      displayName: '地区职称办管理员',
      role: STAFF_ROLE.PREFECTURE_OFFICE,
      // The office of the deployment's region.
      regionCode: this.config.platformRegionCode,
      passwordHash: await hashPassword(admin.password),
    });
    this.logger.log(`Created the first admin account ${admin.username}`);
  }

  // A flood of sign-ins waits its turn for the hash instead of starving the instance, and beyond
  // the queue is refused at once: better a quick 429 than a wait without end. Sign-in asks this
  // before any other work, so a refused attempt costs next to nothing.
  assertRoomForPasswordCheck(): void {
    if (!this.passwordChecks.isFull) return;
    this.logger.debug('Password checks queue full');
    const details: RateLimitedDetails = { retryAfterSeconds: 1 };
    throw new AppException(ERROR_CODE.RATE_LIMITED, 'Too many sign-ins in progress', { details });
  }

  async verify(username: string, password: string): Promise<StaffUserEntity | null> {
    const user = await this.staffRepository.getByUsername(username);
    this.assertRoomForPasswordCheck();
    const isMatch = await this.passwordChecks.run(() =>
      verifyPassword(password, user?.isActive ? user.passwordHash : null),
    );
    return isMatch ? user : null;
  }
}
