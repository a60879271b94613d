import { Module } from '@nestjs/common';

import { AuditLogRepository } from './audit-log.repository';

// The record of what staff did to records people rely on; any module whose staff actions
// must be accountable imports it.
@Module({
  providers: [AuditLogRepository],
  exports: [AuditLogRepository],
})
export class AuditModule {}
