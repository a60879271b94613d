import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { ApplicationEntity } from '../application/application.entity';
import { ApplicationBindingEntity } from '../binding/application-binding.entity';
import { StatusHistoryEntity } from '../mirror/status-history.entity';

// Reads only: the applicant's bound applications and their status history.
@Injectable()
export class ProgressRepository {
  constructor(
    @InjectRepository(ApplicationBindingEntity) private readonly bindings: Repository<ApplicationBindingEntity>,
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(StatusHistoryEntity) private readonly history: Repository<StatusHistoryEntity>,
  ) {}

  async getOwnApplication(applicantId: number, applicationId: number): Promise<ApplicationEntity | null> {
    const binding = await this.bindings.findOneBy({ applicantId, applicationId });
    return binding ? this.applications.findOneBy({ id: applicationId }) : null;
  }

  async getOwnApplications(applicantId: number): Promise<ApplicationEntity[]> {
    const bindings = await this.bindings.find({ where: { applicantId }, order: { id: 'ASC' } });
    const ids = bindings.map((binding) => binding.applicationId);
    if (ids.length === 0) return [];
    return this.applications.createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).orderBy('a.id', 'ASC').getMany();
  }

  getHistory(applicationId: number): Promise<StatusHistoryEntity[]> {
    return this.history.find({ where: { applicationId }, order: { changedAt: 'ASC', id: 'ASC' } });
  }
}
