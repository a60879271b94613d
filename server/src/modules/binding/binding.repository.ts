import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { ApplicationBindingEntity } from './application-binding.entity';

@Injectable()
export class BindingRepository {
  constructor(
    @InjectRepository(ApplicationBindingEntity) private readonly bindings: Repository<ApplicationBindingEntity>,
  ) {}

  getByApplicationId(applicationId: number): Promise<ApplicationBindingEntity | null> {
    return this.bindings.findOneBy({ applicationId });
  }

  getByApplicant(applicantId: number): Promise<ApplicationBindingEntity[]> {
    return this.bindings.find({ where: { applicantId }, order: { id: 'ASC' } });
  }

  getOne(applicantId: number, applicationId: number): Promise<ApplicationBindingEntity | null> {
    return this.bindings.findOneBy({ applicantId, applicationId });
  }

  // The unique applicationId decides a race between two applicants binding at once.
  async createIfFree(applicantId: number, applicationId: number): Promise<void> {
    await this.bindings.createQueryBuilder().insert().values({ applicantId, applicationId }).orIgnore().execute();
  }

  async delete(applicantId: number, applicationId: number): Promise<boolean> {
    const result = await this.bindings.delete({ applicantId, applicationId });
    return (result.affected ?? 0) > 0;
  }
}
