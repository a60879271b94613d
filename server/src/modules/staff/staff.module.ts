import { Module } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { StaffUserEntity } from './staff-user.entity';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUserEntity])],
  providers: [StaffRepository, StaffService],
  exports: [StaffRepository, StaffService],
})
export class StaffModule implements OnApplicationBootstrap {
  constructor(private readonly staffService: StaffService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.staffService.createBootstrapAdminIfNone();
  }
}
