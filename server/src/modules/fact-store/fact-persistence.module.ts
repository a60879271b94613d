import { Module } from '@nestjs/common';

import { FactRepository } from './fact.repository';

// The fact table alone, for the modules that read facts into the rules (progress, the planner,
// the demo) without the facts endpoints, which depend on them.
@Module({
  providers: [FactRepository],
  exports: [FactRepository],
})
export class FactPersistenceModule {}
