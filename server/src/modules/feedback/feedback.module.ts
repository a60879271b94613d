import { Module } from '@nestjs/common';

import { AuditModule } from '../../common/audit/audit.module';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { AuthModule } from '../auth/auth.module';
import { RemindersModule } from '../reminders/reminders.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { StaffFeedbackController } from './staff-feedback.controller';
import { StaffFeedbackService } from './staff-feedback.service';

// 投诉建议 (国办函〔2026〕12号). Replies reach the applicant through the reminder pipeline's inbox
// repositories, as inbox-only messages.
@Module({
  imports: [AuthModule, AuditModule, RateLimitModule, RemindersModule],
  controllers: [FeedbackController, StaffFeedbackController],
  providers: [FeedbackRepository, FeedbackService, StaffFeedbackService],
})
export class FeedbackModule {}
