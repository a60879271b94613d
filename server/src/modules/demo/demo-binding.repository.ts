import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, type Repository } from 'typeorm';

import { ApplicationBindingEntity } from '../binding/application-binding.entity';

@Injectable()
export class DemoBindingRepository {
  constructor(
    @InjectRepository(ApplicationBindingEntity) private readonly bindings: Repository<ApplicationBindingEntity>,
  ) {}

  // Demo applications only: whoever else bound it loses it, the demo applicant gets it.
  async bindExclusively(applicantId: number, applicationId: number): Promise<void> {
    await this.bindings.delete({ applicationId, applicantId: Not(applicantId) });
    await this.bindings.createQueryBuilder().insert().values({ applicantId, applicationId }).orIgnore().execute();
  }
}
