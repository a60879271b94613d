import { Module } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';

import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

// The staff accounts. Authentication reads them, so this module imports nothing of auth; the
// endpoints that manage accounts live in StaffAdminModule.
@Module({
  providers: [StaffRepository, StaffService],
  exports: [StaffRepository, StaffService],
})
export class StaffModule implements OnApplicationBootstrap {
  constructor(private readonly staffService: StaffService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.staffService.createBootstrapAdminIfNone();
  }
}
