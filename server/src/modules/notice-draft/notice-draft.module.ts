import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { NoticeDraftController } from './notice-draft.controller';
import { NoticeDraftService } from './notice-draft.service';

@Module({
  imports: [AuthModule],
  controllers: [NoticeDraftController],
  providers: [NoticeDraftService],
})
export class NoticeDraftModule {}
