import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';

import { ApplicationEntity } from './application.entity';

export type NewApplication = Omit<ApplicationEntity, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ApplicationRepository {
  constructor(@InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>) {}

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

  create(application: NewApplication): Promise<ApplicationEntity> {
    return this.applications.save(this.applications.create(application));
  }
}
