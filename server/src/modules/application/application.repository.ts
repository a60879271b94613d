import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';

import { readTime, sqlTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationEntity } from './application.entity';

export type NewApplication = Omit<ApplicationEntity, 'id' | 'createdAt' | 'updatedAt'>;

// The columns that say where an application stands in its evaluation (what the reminder
// planner reads).
const STANDING_COLUMNS = [
  'id',
  'year',
  'route',
  'level',
  'series',
  'specialty',
  'status',
  'statusChangedAt',
  'submissionCount',
  'isFeePaid',
] as const;
export type ApplicationStanding = Pick<ApplicationEntity, (typeof STANDING_COLUMNS)[number]>;

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

  // In id order after `afterId`, at most `limit`: applications in one of `statuses`, or in one
  // of `recentStatuses` and changed since `changedSince` (the reminder planner's scan, over every
  // open application on each tick: read raw, as hydrating entities costs several times more).
  async getStandingsAfter(
    afterId: number,
    limit: number,
    filter: { statuses: readonly string[]; recentStatuses: readonly string[]; changedSince: Date },
  ): Promise<ApplicationStanding[]> {
    const branches: string[] = [];
    if (filter.statuses.length > 0) branches.push('application.status IN (:...statuses)');
    if (filter.recentStatuses.length > 0) {
      branches.push(
        '(application.status IN (:...recentStatuses) AND application.statusChangedAt >= :changedSince)',
      );
    }
    if (branches.length === 0) return [];
    const query = this.applications.createQueryBuilder('application').select([]);
    for (const column of STANDING_COLUMNS) query.addSelect(`application.${column}`, column);
    const rows: Array<Record<string, unknown>> = await query
      .where('application.id > :afterId', { afterId })
      .andWhere(`(${branches.join(' OR ')})`, {
        statuses: [...filter.statuses],
        recentStatuses: [...filter.recentStatuses],
        changedSince: sqlTime(filter.changedSince),
      })
      .orderBy('application.id', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map((row) => ({
      id: Number(row.id),
      year: Number(row.year),
      route: String(row.route),
      level: String(row.level),
      series: String(row.series),
      specialty: String(row.specialty),
      status: String(row.status),
      statusChangedAt: readTime(row.statusChangedAt) as Date,
      submissionCount: row.submissionCount === null ? null : Number(row.submissionCount),
      isFeePaid: row.isFeePaid === null ? null : Boolean(Number(row.isFeePaid)),
    }));
  }

  getByApplicationNo(applicationNo: string): Promise<ApplicationEntity | null> {
    return this.applications.findOneBy({ applicationNo });
  }

  // Staff search: by application number or name (contains), optionally one status.
  async search(filter: {
    q?: string;
    status?: string;
    offset: number;
    limit: number;
  }): Promise<{ items: ApplicationEntity[]; total: number }> {
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
    return this.unitOfWork.write(() =>
      this.applications.save(this.applications.create(application)),
    );
  }
}
