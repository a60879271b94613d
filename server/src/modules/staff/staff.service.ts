import { Inject, Injectable, Logger } from '@nestjs/common';
import { STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffRole } from '@titletrack/shared/contract';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { hashPassword, verifyPassword } from './password.util';
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

  async create(user: NewStaffUser): Promise<StaffUserEntity> {
    const { password, ...fields } = user;
    return this.staffRepository.create({ ...fields, passwordHash: await hashPassword(password) });
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
