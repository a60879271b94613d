import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { DataSource, EntityManager } from 'typeorm';

import {
  HOTAN_2023_CALENDAR,
  parseCalendarYear,
  toCalendarEvents,
} from '@titletrack/shared/calendar';
import type { CalendarYearDefinition } from '@titletrack/shared/calendar';
import { HOTAN_2023_RULES } from '@titletrack/shared/domain';

import { CalendarEventEntity } from '../../modules/calendar/calendar-event.entity';
import { CalendarYearEntity } from '../../modules/calendar/calendar-year.entity';
import { NoticeEntity } from '../../modules/notice/notice.entity';

interface NoticeSeed {
  slug: string;
  documentNumber: string;
  title: string;
  issuer: string;
  publishedOn: string;
  year: number;
  bodyFile: string;
}

const NOTICES: NoticeSeed[] = [
  {
    slug: 'hotan-2023-1',
    documentNumber: '和地职称办〔2023〕1号',
    title: '关于开展和田地区各系列（专业）2023年度职称评审工作的通知',
    issuer: '和田地区专业技术人员职称办公室',
    publishedOn: '2023-07-12',
    year: 2023,
    bodyFile: 'hotan-2023-notice.md',
  },
];

const CALENDARS: CalendarYearDefinition[] = [HOTAN_2023_CALENDAR];

// The seed files ship beside the compiled code (copied by the build) and beside the source.
function readSeedFile(name: string): string {
  return readFileSync(join(__dirname, name), 'utf8');
}

/**
 * Inserts the reference notices and calendars that are missing; never touches rows that exist,
 * so a second start adds nothing. Each seed item goes in its own transaction.
 *
 * @returns the keys of what was inserted
 */
export async function seedDatabase(dataSource: DataSource): Promise<string[]> {
  const inserted: string[] = [];
  for (const notice of NOTICES) {
    const wasInserted = await dataSource.transaction(async (manager) => {
      if (await manager.existsBy(NoticeEntity, { slug: notice.slug })) return false;
      const { bodyFile, ...fields } = notice;
      await manager.insert(NoticeEntity, { ...fields, body: readSeedFile(bodyFile) });
      return true;
    });
    if (wasInserted) inserted.push(`notice ${notice.slug}`);
  }
  for (const definition of CALENDARS) {
    const calendar = parseCalendarYear(definition);
    const wasInserted = await dataSource.transaction((manager) =>
      insertCalendar(manager, calendar),
    );
    if (wasInserted) inserted.push(`calendar ${calendar.year} ${calendar.route}`);
  }
  return inserted;
}

async function insertCalendar(
  manager: EntityManager,
  calendar: CalendarYearDefinition,
): Promise<boolean> {
  if (await manager.existsBy(CalendarYearEntity, { year: calendar.year, route: calendar.route })) {
    return false;
  }
  const result = await manager.insert(CalendarYearEntity, {
    year: calendar.year,
    route: calendar.route,
    region: calendar.region,
    title: calendar.title,
    noticeDocumentNumber: calendar.noticeDocumentNumber,
    rules: JSON.stringify(HOTAN_2023_RULES),
  });
  const calendarYearId = Number(result.identifiers[0]?.id);
  await manager.insert(
    CalendarEventEntity,
    toCalendarEvents(calendar).map((event) => ({ ...event, calendarYearId })),
  );
  return true;
}
