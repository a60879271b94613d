import { Inject, Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffRole } from '@titletrack/shared/contract';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppException } from '../../common/app.exception';
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
}

@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staffRepository: StaffRepository,
  ) {}

  async create(user: NewStaffUser): Promise<StaffUserResponseDto> {
    const { password, ...fields } = user;
    const created = await this.staffRepository.create({
      ...fields,
      passwordHash: await hashPassword(password),
    });
    if (!created) {
      this.logger.debug(`Username ${user.username} is taken`);
      throw new AppException(ERROR_CODE.USERNAME_TAKEN, 'Username is taken');
    }
    this.logger.log(`Created staff account ${created.username} (${created.role})`);
    return mapStaffUser(created);
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
      passwordHash: await hashPassword(admin.password),
    });
    this.logger.log(`Created the first admin account ${admin.username}`);
  }

  async verify(username: string, password: string): Promise<StaffUserEntity | null> {
    const user = await this.staffRepository.getByUsername(username);
    const isMatch = await verifyPassword(password, user?.isActive ? user.passwordHash : null);
    return isMatch ? user : null;
  }
}
