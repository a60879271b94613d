import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationEntity } from './application.entity';

export type NewApplication = Omit<ApplicationEntity, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ApplicationRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get applications(): Repository<ApplicationEntity> {
    return this.unitOfWork.repository(ApplicationEntity);
  }

  getById(id: number): Promise<ApplicationEntity | null> {
    return this.applications.findOneBy({ id });
  }

  getByIds(ids: number[]): Promise<ApplicationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.applications.find({ where: { id: In(ids) }, order: { year: 'DESC', id: 'DESC' } });
  }

  getByApplicationNo(applicationNo: string): Promise<ApplicationEntity | null> {
    return this.applications.findOneBy({ applicationNo });
  }

  // Staff search: by application number or name (contains), optionally one status.
  async search(filter: { q?: string; status?: string; offset: number; limit: number }): Promise<{ items: ApplicationEntity[]; total: number }> {
    const query = this.applications.createQueryBuilder('application');
    if (filter.q) {
      query.andWhere('(application.applicationNo LIKE :q OR application.applicantName LIKE :q)', {
        // Wildcards are dropped rather than escaped: LIKE escaping differs between MySQL and SQLite.
        q: `%${filter.q.replace(/[%_\\]/g, '')}%`,
      });
    }
    if (filter.status) query.andWhere('application.status = :status', { status: filter.status });
    const [items, total] = await query
      .orderBy('application.statusChangedAt', 'DESC')
      .addOrderBy('application.id', 'DESC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { items, total };
  }

  create(application: NewApplication): Promise<ApplicationEntity> {
    return this.unitOfWork.write(() => this.applications.save(this.applications.create(application)));
  }
}
