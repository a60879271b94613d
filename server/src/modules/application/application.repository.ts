import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';

import { insertRowsReturning } from '../../database/bulk-insert';
import { hasRowLocks, placeholders, quote, readTime, sqlTime } from '../../database/sql-dialect';
import type { StaffScopeFilter } from '../../common/staff-scope';
import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationEntity } from './application.entity';

// What the platform said beyond the status (its return reason, its facts) is optional: most
// sources and tests have none.
export type NewApplication = Omit<
  ApplicationEntity,
  'id' | 'createdAt' | 'updatedAt' | 'returnReason' | 'platformFacts'
> &
  Partial<Pick<ApplicationEntity, 'returnReason' | 'platformFacts'>>;

// The columns a new mirrored application is written with; the database fills id and timestamps.
const NEW_APPLICATION_COLUMNS = [
  'applicationNo',
  'applicantName',
  'idCardCipher',
  'idCardBlindIndex',
  'employer',
  'county',
  'regionCode',
  'series',
  'specialty',
  'level',
  'route',
  'year',
  'status',
  'statusChangedAt',
  'submissionCount',
  'isFeePaid',
  'returnReason',
  'platformFacts',
] as const satisfies ReadonlyArray<keyof NewApplication>;

const NUMBERS_PER_QUERY = 500;

// The application joined to the caller's binding: the binding table is read here, in the one
// statement behind every "my application" screen, rather than in a second round trip.
const BOUND_TO_SQL =
  'SELECT a.* FROM application a JOIN application_binding b ON b.applicationId = a.id' +
  ' WHERE a.id = ? AND b.applicantId = ?';

// The columns that say where an application stands in its evaluation (what the reminder
// planner reads).
const STANDING_COLUMNS = [
  'id',
  'regionCode',
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
export type ApplicationStanding = Pick<ApplicationEntity, (typeof STANDING_COLUMNS)[number]> &
  // The facts the platform stated, which the rules read with the stored ones.
  Partial<Pick<ApplicationEntity, 'platformFacts'>>;

// The applications one notice governs: its year and route, and the prefecture (null: every
// prefecture, for the autonomous region's notice of the 推荐自治区评审 route).
export interface ApplicationScope {
  regionCode: string | null;
  year: number;
  route: string;
}

@Injectable()
export class ApplicationRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get applications(): Repository<ApplicationEntity> {
    return this.unitOfWork.repository(ApplicationEntity);
  }

  getById(id: number): Promise<ApplicationEntity | null> {
    return this.applications.findOneBy({ id });
  }

  // The application, when `applicantId` is the one bound to it.
  async getBoundTo(applicantId: number, applicationId: number): Promise<ApplicationEntity | null> {
    const [application] = await this.unitOfWork.readEntities(ApplicationEntity, BOUND_TO_SQL, [
      applicationId,
      applicantId,
    ]);
    return application ?? null;
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
    filter: {
      statuses: readonly string[];
      recentStatuses: readonly string[];
      changedSince: Date;
      scope?: ApplicationScope;
    },
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
    query.addSelect('application.platformFacts', 'platformFacts');
    query.where('application.id > :afterId', { afterId }).andWhere(`(${branches.join(' OR ')})`, {
      statuses: [...filter.statuses],
      recentStatuses: [...filter.recentStatuses],
      changedSince: sqlTime(filter.changedSince),
    });
    if (filter.scope) {
      // Served by IDX_application_region_year_route (or its year, route part).
      const { regionCode, year, route } = filter.scope;
      if (regionCode !== null)
        query.andWhere('application.regionCode = :regionCode', { regionCode });
      query.andWhere('application.year = :year AND application.route = :route', { year, route });
    }
    const rows: Array<Record<string, unknown>> = await query
      .orderBy('application.id', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map((row) => ({
      id: Number(row.id),
      regionCode: String(row.regionCode),
      year: Number(row.year),
      route: String(row.route),
      level: String(row.level),
      series: String(row.series),
      specialty: String(row.specialty),
      status: String(row.status),
      statusChangedAt: readTime(row.statusChangedAt) as Date,
      submissionCount: row.submissionCount === null ? null : Number(row.submissionCount),
      isFeePaid: row.isFeePaid === null ? null : Boolean(Number(row.isFeePaid)),
      platformFacts: typeof row.platformFacts === 'string' ? row.platformFacts : null,
    }));
  }

  getByApplicationNo(applicationNo: string): Promise<ApplicationEntity | null> {
    return this.applications.findOneBy({ applicationNo });
  }

  // Staff search: by application number or name (contains), optionally one status, within the
  // staff account's scope (null fields: any).
  async search(filter: {
    q?: string;
    status?: string;
    offset: number;
    limit: number;
    scope?: StaffScopeFilter;
  }): Promise<{ items: ApplicationEntity[]; total: number }> {
    const query = this.applications.createQueryBuilder('application');
    const { regionCode = null, county = null, series = null } = filter.scope ?? {};
    if (regionCode !== null) query.andWhere('application.regionCode = :regionCode', { regionCode });
    if (county !== null) query.andWhere('application.county = :county', { county });
    if (series !== null) query.andWhere('application.series = :series', { series });
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

  // Rows about to change are locked so two instances applying news about the same application
  // serialise (SQLite has no row locks: its writer queue serialises instead). A plain SELECT of
  // the numbers comes first: most rows of a large import are new, and loading entities for
  // nothing was a tenth of its time. Inside a write.
  async getByApplicationNosForUpdate(applicationNos: string[]): Promise<ApplicationEntity[]> {
    const manager = this.unitOfWork.manager;
    const found: ApplicationEntity[] = [];
    for (const existing of await this.getIdsByApplicationNosInChunks(applicationNos)) {
      if (existing.size === 0) continue;
      const query = this.applications
        .createQueryBuilder('application')
        .where({ applicationNo: In([...existing.keys()]) });
      if (hasRowLocks(manager)) query.setLock('pessimistic_write');
      found.push(...(await query.getMany()));
    }
    return found;
  }

  // The generated ids, which the history rows need, come back with the insert where the
  // database can say them; elsewhere one SELECT per chunk reads them back.
  insertMany(applications: NewApplication[]): Promise<Array<NewApplication & { id: number }>> {
    if (applications.length === 0) return Promise.resolve([]);
    return this.unitOfWork.write(async (manager) => {
      const returned = await insertRowsReturning<{ id: number; applicationNo: string }>(
        manager,
        'application',
        NEW_APPLICATION_COLUMNS,
        applications.map((a) => NEW_APPLICATION_COLUMNS.map((c) => a[c] ?? null)),
        ['id', 'applicationNo'],
      );
      const ids =
        returned === null
          ? await this.getIdsByApplicationNos(applications.map((a) => a.applicationNo))
          : new Map(returned.map((row) => [row.applicationNo, Number(row.id)]));
      return applications.map((a) => Object.assign(a, { id: ids.get(a.applicationNo) as number }));
    });
  }

  async update(id: number, fields: Partial<NewApplication>): Promise<void> {
    await this.unitOfWork.write(() => this.applications.update({ id }, fields));
  }

  async getIdsByApplicationNos(applicationNos: string[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const found of await this.getIdsByApplicationNosInChunks(applicationNos)) {
      for (const [applicationNo, id] of found) ids.set(applicationNo, id);
    }
    return ids;
  }

  // Per chunk of numbers, the ids of those that exist.
  private async getIdsByApplicationNosInChunks(
    applicationNos: string[],
  ): Promise<Array<Map<string, number>>> {
    const manager = this.unitOfWork.manager;
    const q = (name: string): string => quote(manager, name);
    const chunks: Array<Map<string, number>> = [];
    for (let i = 0; i < applicationNos.length; i += NUMBERS_PER_QUERY) {
      const chunk = applicationNos.slice(i, i + NUMBERS_PER_QUERY);
      const rows: Array<{ id: number; applicationNo: string }> = await manager.query(
        `SELECT ${q('id')}, ${q('applicationNo')} FROM ${q('application')} WHERE ${q('applicationNo')} IN (${placeholders(chunk.length)})`,
        chunk,
      );
      chunks.push(new Map(rows.map((row) => [row.applicationNo, Number(row.id)])));
    }
    return chunks;
  }
}
