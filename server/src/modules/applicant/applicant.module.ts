import { Module } from '@nestjs/common';

import { ApplicantRepository } from './applicant.repository';

@Module({
  providers: [ApplicantRepository],
  exports: [ApplicantRepository],
})
export class ApplicantModule {}
