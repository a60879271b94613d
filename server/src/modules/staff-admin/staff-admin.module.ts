import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { StaffModule } from '../staff/staff.module';
import { StaffController } from './staff.controller';

// Managing staff accounts over HTTP. Apart from StaffModule (the accounts themselves) because
// the endpoints need the auth guard while authentication needs the accounts: staff-admin →
// auth → staff, and nothing points back.
@Module({
  imports: [StaffModule, AuthModule],
  controllers: [StaffController],
})
export class StaffAdminModule {}
