import { Module } from '@nestjs/common';

import { DomainEventRepository } from './domain-event.repository';

// The log of what happened to applications and certificates; written by the mirror and the
// certificate office, read by the reminder planner.
@Module({
  providers: [DomainEventRepository],
  exports: [DomainEventRepository],
})
export class DomainEventModule {}
