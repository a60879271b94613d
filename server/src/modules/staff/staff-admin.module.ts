import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { StaffController } from './staff.controller';
import { StaffModule } from './staff.module';

// The staff-management endpoints sit apart from StaffModule because they need the auth guard,
// and authentication itself needs StaffModule.
@Module({
  imports: [StaffModule, AuthModule],
  controllers: [StaffController],
})
export class StaffAdminModule {}
