import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { DataSource } from 'typeorm';

import { HOTAN_2023_CALENDAR, parseCalendarYear } from '@titletrack/shared/calendar';
import type { CalendarEventDefinition, CalendarYearDefinition } from '@titletrack/shared/calendar';
import { HOTAN_2023_RULES } from '@titletrack/shared/domain';
import type { NoticeRules } from '@titletrack/shared/domain';
import { draftNoticeCalendar, NOTICE_PARAMETER_NAME } from '@titletrack/shared/notice-draft';
import type { DraftParameter } from '@titletrack/shared/notice-draft';
import { findRegion, HOTAN_REGION_CODE } from '@titletrack/shared/region';

import { AuditLogRepository } from '../../common/audit/audit-log.repository';
import { CalendarRepository } from '../../modules/calendar/calendar.repository';
import type { NewCalendarEvent } from '../../modules/calendar/calendar.repository';
import { NoticePublicationEvents } from '../../modules/calendar/notice-publication-events.service';
import { NoticeParameterRepository } from '../../modules/notice-publication/notice-parameter.repository';
import type { NewNoticeParameter } from '../../modules/notice-publication/notice-parameter.repository';
import { NoticeWriter } from '../../modules/notice-publication/notice-writer.service';
import type { NoticeActor } from '../../modules/notice-publication/notice-writer.service';
import { NoticeRepository } from '../../modules/notice/notice.repository';
import { UnitOfWork } from '../unit-of-work';

// A notice the product ships with. It goes the office's way (drafted from its text, every item
// confirmed as drafted, published), with the hand-checked parts a person would write in the
// console: each event's title, section, wording and interpretation, and the rules.
interface NoticeSeed {
  regionCode: string;
  slug: string;
  documentNumber: string;
  title: string;
  issuer: string;
  publishedOn: string;
  bodyFile: string;
  calendar: CalendarYearDefinition;
  rules: NoticeRules;
}

const NOTICES: NoticeSeed[] = [
  {
    regionCode: HOTAN_REGION_CODE,
    slug: 'hotan-2023-1',
    documentNumber: '和地职称办〔2023〕1号',
    title: '关于开展和田地区各系列（专业）2023年度职称评审工作的通知',
    issuer: '和田地区专业技术人员职称办公室',
    publishedOn: '2023-07-12',
    bodyFile: 'hotan-2023-notice.md',
    calendar: HOTAN_2023_CALENDAR,
    rules: HOTAN_2023_RULES,
  },
];

const SEED_ACTOR: NoticeActor = { staffId: null, name: 'seed' };

// The seed files ship beside the compiled code (copied by the build) and beside the source.
function readSeedFile(name: string): string {
  return readFileSync(join(__dirname, name), 'utf8');
}

/**
 * Inserts the reference notices that are missing, each published with its calendar; never
 * touches a notice whose (region, year, route) exists, so a second start adds nothing. Each
 * seed item goes in its own transaction.
 *
 * @returns the keys of what was inserted
 */
export async function seedDatabase(dataSource: DataSource): Promise<string[]> {
  const unitOfWork = new UnitOfWork(dataSource);
  const calendars = new CalendarRepository(unitOfWork);
  const writer = new NoticeWriter(
    unitOfWork,
    calendars,
    new NoticeParameterRepository(unitOfWork),
    new NoticeRepository(unitOfWork),
    new AuditLogRepository(unitOfWork),
    // No listener at start: nobody can have asked to hear about a shipped notice.
    new NoticePublicationEvents(),
  );
  const inserted: string[] = [];
  for (const notice of NOTICES) {
    const calendar = parseCalendarYear(notice.calendar);
    const wasInserted = await unitOfWork.write(async () => {
      if (await calendars.existsByKey(notice.regionCode, calendar.year, calendar.route))
        return false;
      await publishSeed(writer, calendars, notice, calendar);
      return true;
    });
    if (wasInserted)
      inserted.push(`notice ${notice.slug}`, `calendar ${calendar.year} ${calendar.route}`);
  }
  return inserted;
}

async function publishSeed(
  writer: NoticeWriter,
  calendars: CalendarRepository,
  notice: NoticeSeed,
  calendar: CalendarYearDefinition,
): Promise<void> {
  const text = readSeedFile(notice.bodyFile);
  const draft = draftNoticeCalendar(text, { year: calendar.year });
  const region = findRegion(notice.regionCode);
  if (!region) throw new Error(`Seed notice ${notice.slug}: unknown region ${notice.regionCode}`);
  const id = await writer.createDraft(
    {
      regionCode: region.code,
      regionName: calendar.region,
      year: calendar.year,
      route: calendar.route,
      title: calendar.title,
      documentNumber: calendar.noticeDocumentNumber,
      text,
      events: draft.events.map((event) => {
        const handChecked = findEvent(calendar, event.kind, notice.slug);
        if (event.endsAt === null) {
          throw new Error(`Seed notice ${notice.slug}: ${event.kind} was drafted without an end`);
        }
        return seedEvent(handChecked, {
          startsAt: event.startsAt === null ? null : new Date(event.startsAt),
          endsAt: new Date(event.endsAt),
          reading: event.reading,
        });
      }),
      parameters: oneValuePerName(draft.parameters, notice.rules).map(
        (parameter): NewNoticeParameter => ({
          name: parameter.name,
          value: JSON.stringify(parameter.value),
          unit: parameter.unit,
          quote: parameter.quote,
          isConfirmed: true,
          inheritedFromCalendarYearId: null,
        }),
      ),
    },
    SEED_ACTOR,
  );
  const drafted = await calendars.getById(id);
  if (!drafted) throw new Error(`Seed notice ${notice.slug} vanished`);
  await writer.publish(drafted, notice.rules, SEED_ACTOR, new Date(), {
    slug: notice.slug,
    title: notice.title,
    issuer: notice.issuer,
    publishedOn: notice.publishedOn,
  });
}

function findEvent(
  calendar: CalendarYearDefinition,
  kind: string,
  slug: string,
): CalendarEventDefinition {
  const event = calendar.events.find((candidate) => candidate.kind === kind);
  if (!event) throw new Error(`Seed notice ${slug}: the draft has ${kind}, the calendar has not`);
  return event;
}

function seedEvent(
  handChecked: CalendarEventDefinition,
  drafted: Pick<NewCalendarEvent, 'startsAt' | 'endsAt' | 'reading'>,
): NewCalendarEvent {
  return {
    kind: handChecked.kind,
    title: handChecked.title,
    ...drafted,
    section: handChecked.section,
    wording: handChecked.wording,
    interpretation: handChecked.interpretation ?? null,
    isConfirmed: true,
  };
}

// A notice stores one value per parameter. The 2023 notice names two platforms (the autonomous
// region's and Hotan's own system); the one kept is the one its rules name for the route.
function oneValuePerName(
  parameters: readonly DraftParameter[],
  rules: NoticeRules,
): DraftParameter[] {
  const kept = new Map<string, DraftParameter>();
  for (const parameter of parameters) {
    const isRulesPlatform =
      parameter.name === NOTICE_PARAMETER_NAME.PLATFORM_URL &&
      parameter.value === rules.platformUrl;
    if (!kept.has(parameter.name) || isRulesPlatform) kept.set(parameter.name, parameter);
  }
  return [...kept.values()];
}
