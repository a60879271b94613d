import { Injectable, Logger } from '@nestjs/common';

import { CALENDAR_EVENT_KIND, EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { CalendarEventKind } from '@titletrack/shared/calendar';
import { ERROR_CODE, NOTICE_STATE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';
import {
  ALERT_KIND,
  HOTAN_2023_RULES,
  inheritParameters,
  NoticeParameterError,
  noticeRulesFromParameters,
} from '@titletrack/shared/domain';
import type { Alert, NoticeParameterValue, NoticeRules } from '@titletrack/shared/domain';
import { zhCN } from '@titletrack/shared/locales';
import type { NoticeParameterName, NoticeParameterUnit } from '@titletrack/shared/notice-draft';
import { findRegion, XINJIANG } from '@titletrack/shared/region';
import type { Region } from '@titletrack/shared/region';

import { isOwnNoticeRegion } from '../../common/staff-scope';
import { AppException } from '../../common/app.exception';
import type { FieldError } from '../../common/validation';
import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationRepository } from '../application/application.repository';
import type { ApplicationScope } from '../application/application.repository';
import type { CalendarEventEntity } from '../calendar/calendar-event.entity';
import type { CalendarYearEntity } from '../calendar/calendar-year.entity';
import { parseStoredRules } from '../calendar/calendar.dto';
import { CalendarRepository } from '../calendar/calendar.repository';
import type { NewCalendarEvent } from '../calendar/calendar.repository';
import type { NoticeParameterEntity } from '../calendar/notice-parameter.entity';
import { NoticeYearRegistry } from '../calendar/notice-year-registry.service';
import { InboxMessageRepository } from '../reminders/inbox-message.repository';
import { ACTIVE_STATUSES, OUTCOME_STATUSES } from '../reminders/planned-statuses.constant';
import { PlannerService } from '../reminders/planner.service';
import { ReminderAlertRepository } from '../reminders/reminder-alert.repository';
import {
  mapOfficeNotice,
  mapOfficeNoticeSummary,
  readParameterValue,
} from './notice-publication.dto';
import type {
  CorrectOfficeNoticeDto,
  CorrectOfficeNoticeResponseDto,
  CreateOfficeNoticeDto,
  ListOfficeNoticesQueryDto,
  OfficeNoticeEventInputDto,
  OfficeNoticeListResponseDto,
  OfficeNoticeParameterInputDto,
  OfficeNoticeResponseDto,
  PublishOfficeNoticeResponseDto,
  UpdateOfficeNoticeDto,
  WithdrawOfficeNoticeDto,
  WithdrawOfficeNoticeResponseDto,
} from './notice-publication.dto';
import { NoticeParameterRepository } from './notice-parameter.repository';
import type { NewNoticeParameter } from './notice-parameter.repository';
import { NOTICE_AUDIT_ACTION, NoticeWriter } from './notice-writer.service';
import type { NoticeActor } from './notice-writer.service';

// Applications told about a correction are read and written this many at a time.
const CHUNK_SIZE = 2000;
// Outcomes stay news this long (as the planner's scan).
const OUTCOME_WINDOW_MS = 15 * 24 * 3_600_000;

interface EventDates {
  startsAt: Date | null;
  endsAt: Date;
}

// The rules' interpretation of an event the office has not worded: its kind's name, and §三
// (the calendar section) of the notice it builds on.
const DEFAULT_EVENT_SECTION = HOTAN_2023_RULES.sections.R3;

/**
 * The office's notices: drafted from the text, confirmed item by item, published (applicants
 * see it, reminders are planned, watchers told), corrected (applicants told old → new) or
 * withdrawn. Staff act only on their own region's notices.
 */
@Injectable()
export class NoticePublicationService {
  private readonly logger = new Logger(NoticePublicationService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly calendars: CalendarRepository,
    private readonly parameters: NoticeParameterRepository,
    private readonly applications: ApplicationRepository,
    private readonly alerts: ReminderAlertRepository,
    private readonly inboxMessages: InboxMessageRepository,
    private readonly planner: PlannerService,
    private readonly noticeYears: NoticeYearRegistry,
    private readonly writer: NoticeWriter,
  ) {}

  async getAll(
    staff: StaffPrincipal,
    query: ListOfficeNoticesQueryDto,
  ): Promise<OfficeNoticeListResponseDto> {
    const region = this.findRegionOrFail(staff, query.regionCode ?? staff.regionCode);
    this.checkScope(staff, region.code);
    const calendars = await this.calendars.getAllByRegion(region.code, query.year);
    return { items: calendars.map(mapOfficeNoticeSummary) };
  }

  async get(staff: StaffPrincipal, id: string): Promise<OfficeNoticeResponseDto> {
    return this.respond(await this.getOrFail(staff, id));
  }

  async create(
    staff: StaffPrincipal,
    request: CreateOfficeNoticeDto,
  ): Promise<OfficeNoticeResponseDto> {
    const region = this.findRegionOrFail(staff, request.regionCode);
    this.checkScope(staff, region.code);
    this.checkContent(staff, request);
    if (await this.calendars.existsByKey(region.code, request.year, request.route)) {
      this.logger.debug(`Staff ${staff.id}: notice ${region.code} ${request.year} exists`);
      throw new AppException(
        ERROR_CODE.NOTICE_EXISTS,
        'A notice for this region, year and route exists',
      );
    }
    const previous = await this.calendars.getPreviousPublished(
      region.code,
      request.year,
      request.route,
    );
    const content = await this.buildContent(request, previous);
    const id = await this.writer.createDraft(
      {
        regionCode: region.code,
        regionName: region.name,
        year: request.year,
        route: request.route,
        title: request.title,
        documentNumber: request.documentNumber,
        text: request.text,
        ...content,
      },
      actorOf(staff),
    );
    return this.respond(await this.reload(id));
  }

  async update(
    staff: StaffPrincipal,
    id: string,
    request: UpdateOfficeNoticeDto,
  ): Promise<OfficeNoticeResponseDto> {
    const calendar = await this.getOrFail(staff, id);
    this.checkState(staff, calendar, [NOTICE_STATE.DRAFT, NOTICE_STATE.WITHDRAWN]);
    this.checkContent(staff, request);
    const previous = await this.calendars.getPreviousPublished(
      calendar.regionCode,
      calendar.year,
      calendar.route,
    );
    const content = await this.buildContent(request, previous);
    await this.writer.replaceDraft(
      calendar.id,
      {
        title: request.title,
        documentNumber: request.documentNumber,
        text: request.text,
        ...content,
      },
      actorOf(staff),
    );
    return this.respond(await this.reload(calendar.id));
  }

  async publish(
    staff: StaffPrincipal,
    id: string,
    now = new Date(),
  ): Promise<PublishOfficeNoticeResponseDto> {
    const calendar = await this.getOrFail(staff, id);
    this.checkState(staff, calendar, [NOTICE_STATE.DRAFT, NOTICE_STATE.WITHDRAWN]);
    const parameters = await this.parameters.getByCalendarYearId(calendar.id);
    this.checkConfirmed(staff, calendar, parameters);
    const rules = await this.resolveRules(calendar, parameters);
    const notifiedWatchers = await this.writer.publish(calendar, rules, actorOf(staff), now);
    await this.noticeYears.refresh();
    const planned = await this.planner.planScope(scopeOf(calendar), now);
    return {
      notice: await this.respond(await this.reload(calendar.id)),
      applications: planned.applications,
      plannedAlerts: planned.alerts,
      notifiedWatchers,
    };
  }

  async correct(
    staff: StaffPrincipal,
    id: string,
    request: CorrectOfficeNoticeDto,
    now = new Date(),
  ): Promise<CorrectOfficeNoticeResponseDto> {
    const calendar = await this.getOrFail(staff, id);
    this.checkState(staff, calendar, [NOTICE_STATE.PUBLISHED]);
    const changes = this.checkCorrections(staff, calendar, request);
    const scope = scopeOf(calendar);
    const version = calendar.version + 1;
    const oldInstants = changes.flatMap(({ event }) =>
      event.startsAt === null ? [event.endsAt] : [event.startsAt, event.endsAt],
    );
    const withdrawnAlerts = await this.unitOfWork.write(async () => {
      for (const { event, dates } of changes)
        await this.calendars.updateEventDates(event.id, dates);
      await this.calendars.update(calendar.id, { version });
      await this.inboxMessages.deleteUnpushed(scope, oldInstants);
      const withdrawn = await this.alerts.deleteUnreferenced(scope, oldInstants);
      await this.writer.log(actorOf(staff), NOTICE_AUDIT_ACTION.CORRECTED, calendar.id, {
        version,
        note: request.note,
        events: changes.map(({ event, dates }) => ({
          kind: event.kind,
          old: { startsAt: iso(event.startsAt), endsAt: iso(event.endsAt) },
          new: { startsAt: iso(dates.startsAt), endsAt: iso(dates.endsAt) },
        })),
        withdrawnAlerts: withdrawn,
      });
      return withdrawn;
    });
    await this.noticeYears.refresh();
    const informedApplicants = await this.tellDateChanges(
      calendar,
      version,
      changes,
      request.note,
      now,
    );
    const planned = await this.planner.planScope(scope, now);
    return {
      notice: await this.respond(await this.reload(calendar.id)),
      withdrawnAlerts,
      plannedAlerts: planned.alerts,
      informedApplicants,
    };
  }

  async withdraw(
    staff: StaffPrincipal,
    id: string,
    request: WithdrawOfficeNoticeDto,
  ): Promise<WithdrawOfficeNoticeResponseDto> {
    const calendar = await this.getOrFail(staff, id);
    this.checkState(staff, calendar, [NOTICE_STATE.PUBLISHED]);
    const scope = scopeOf(calendar);
    const version = calendar.version + 1;
    // Only dated alerts go: news of an application's own status (a result, a certificate) stays
    // true whatever happens to the notice.
    const withdrawnAlerts = await this.unitOfWork.write(async () => {
      await this.calendars.update(calendar.id, { state: NOTICE_STATE.WITHDRAWN, version });
      await this.writer.unpublishNotice(calendar.id);
      await this.inboxMessages.deleteUnpushed(scope, null);
      const withdrawn = await this.alerts.deleteUnreferenced(scope, null);
      await this.writer.log(actorOf(staff), NOTICE_AUDIT_ACTION.WITHDRAWN, calendar.id, {
        version,
        note: request.note,
        withdrawnAlerts: withdrawn,
      });
      return withdrawn;
    });
    await this.noticeYears.refresh();
    return { notice: await this.respond(await this.reload(calendar.id)), withdrawnAlerts };
  }

  // One calendar_date_changed alert per open application and corrected event, keyed by the
  // calendar's version so a later correction tells again; inbox messages go to bound applicants.
  private async tellDateChanges(
    calendar: CalendarYearEntity,
    version: number,
    changes: ReadonlyArray<{ event: CalendarEventEntity; dates: EventDates }>,
    note: string,
    now: Date,
  ): Promise<number> {
    const filter = {
      statuses: ACTIVE_STATUSES,
      recentStatuses: OUTCOME_STATUSES,
      changedSince: new Date(now.getTime() - OUTCOME_WINDOW_MS),
      scope: scopeOf(calendar),
    };
    let informed = 0;
    let afterId = 0;
    for (;;) {
      const rows = await this.applications.getStandingsAfter(afterId, CHUNK_SIZE, filter);
      const last = rows[rows.length - 1];
      if (!last) return informed;
      afterId = last.id;
      const alerts: Alert[] = rows.flatMap((row) =>
        changes.map(({ event, dates }) => ({
          dedupeKey: `${row.id}:${ALERT_KIND.CALENDAR_DATE_CHANGED}:${calendar.id}:v${version}:${event.kind}`,
          applicationId: String(row.id),
          kind: ALERT_KIND.CALENDAR_DATE_CHANGED,
          ruleId: 'R3' as const,
          section: event.section,
          deadline: dates.endsAt,
          data: {
            regionCode: calendar.regionCode,
            year: calendar.year,
            documentNumber: calendar.noticeDocumentNumber,
            eventKind: event.kind as CalendarEventKind,
            oldStartsAt: iso(event.startsAt),
            oldEndsAt: event.endsAt.toISOString(),
            newStartsAt: iso(dates.startsAt),
            newEndsAt: dates.endsAt.toISOString(),
            note,
          },
        })),
      );
      await this.unitOfWork.write(async () => {
        await this.alerts.createMany(alerts);
        await this.inboxMessages.createForApplications(
          rows.map((row) => row.id),
          now,
        );
      });
      informed += rows.length;
    }
  }

  // The rules a publication fixes: the region's previous published notice's (the 2023 Hotan
  // ones for a region with none) with this notice's parameters put in.
  private async resolveRules(
    calendar: CalendarYearEntity,
    parameters: readonly NoticeParameterEntity[],
  ): Promise<NoticeRules> {
    const previous = await this.calendars.getPreviousPublished(
      calendar.regionCode,
      calendar.year,
      calendar.route,
    );
    const base = previous?.rules ? parseStoredRules(previous) : HOTAN_2023_RULES;
    try {
      return noticeRulesFromParameters(base, parameters.map(toParameterValue), {
        year: calendar.year,
        noticeDocumentNumber: calendar.noticeDocumentNumber,
      });
    } catch (error) {
      if (!(error instanceof NoticeParameterError)) throw error;
      throw invalid([{ field: `parameters.${error.parameter}`, reasons: [error.message] }]);
    }
  }

  // Events and parameters as stored: titles and sections taken from the previous notice's
  // events of the same kind; parameters the notice does not state inherited from it.
  private async buildContent(
    request: UpdateOfficeNoticeDto,
    previous: CalendarYearEntity | null,
  ): Promise<{ events: NewCalendarEvent[]; parameters: NewNoticeParameter[] }> {
    const previousEvents = new Map(
      ((previous ? (await this.calendars.getById(previous.id))?.events : null) ?? []).map((e) => [
        e.kind,
        e,
      ]),
    );
    const events = request.events.map((event) => toNewEvent(event, previousEvents.get(event.kind)));
    const previousParameters = previous
      ? await this.parameters.getByCalendarYearId(previous.id)
      : [];
    const resolved = inheritParameters(
      previousParameters.map(toParameterValue),
      request.parameters.map(fromParameterInput),
    );
    // Checked now, so a value that cannot be its parameter is refused before it is stored.
    try {
      noticeRulesFromParameters(HOTAN_2023_RULES, resolved, {
        year: 2000,
        noticeDocumentNumber: '',
      });
    } catch (error) {
      if (!(error instanceof NoticeParameterError)) throw error;
      throw invalid([{ field: `parameters.${error.parameter}`, reasons: [error.message] }]);
    }
    return {
      events,
      parameters: resolved.map((parameter) => ({
        name: parameter.name,
        value: JSON.stringify(parameter.value),
        unit: parameter.unit,
        quote: parameter.quote,
        isConfirmed: parameter.isConfirmed,
        inheritedFromCalendarYearId: parameter.isInherited && previous ? previous.id : null,
      })),
    };
  }

  // What the DTOs cannot see: one event per kind, one value per parameter, ends after starts.
  private checkContent(staff: StaffPrincipal, request: UpdateOfficeNoticeDto): void {
    const errors: FieldError[] = [];
    const kinds = new Set<string>();
    request.events.forEach((event, i) => {
      if (kinds.has(event.kind))
        errors.push({ field: `events.${i}.kind`, reasons: ['one event per kind'] });
      kinds.add(event.kind);
      errors.push(...checkDates(`events.${i}`, event));
    });
    const names = new Set<string>();
    request.parameters.forEach((parameter, i) => {
      if (names.has(parameter.name))
        errors.push({ field: `parameters.${i}.name`, reasons: ['one value per parameter'] });
      names.add(parameter.name);
    });
    if (errors.length === 0) return;
    this.logger.debug(`Staff ${staff.id}: notice content refused (${errors.length} errors)`);
    throw invalid(errors);
  }

  private checkCorrections(
    staff: StaffPrincipal,
    calendar: CalendarYearEntity,
    request: CorrectOfficeNoticeDto,
  ): Array<{ event: CalendarEventEntity; dates: EventDates }> {
    const errors: FieldError[] = [];
    const byKind = new Map((calendar.events ?? []).map((event) => [event.kind, event]));
    const seen = new Set<string>();
    const changes: Array<{ event: CalendarEventEntity; dates: EventDates }> = [];
    if (request.events.length === 0)
      errors.push({ field: 'events', reasons: ['events must name at least one event'] });
    request.events.forEach((correction, i) => {
      const event = byKind.get(correction.kind);
      if (!event || seen.has(correction.kind)) {
        errors.push({
          field: `events.${i}.kind`,
          reasons: [event ? 'one correction per event' : 'the notice has no such event'],
        });
        return;
      }
      seen.add(correction.kind);
      const dateErrors = checkDates(`events.${i}`, correction);
      if (dateErrors.length > 0) {
        errors.push(...dateErrors);
        return;
      }
      const dates = {
        startsAt: correction.startsAt === null ? null : new Date(correction.startsAt),
        endsAt: new Date(correction.endsAt),
      };
      changes.push({ event, dates });
    });
    if (errors.length === 0) return changes;
    this.logger.debug(`Staff ${staff.id}: correction of notice ${calendar.id} refused`);
    throw invalid(errors);
  }

  private checkConfirmed(
    staff: StaffPrincipal,
    calendar: CalendarYearEntity,
    parameters: readonly NoticeParameterEntity[],
  ): void {
    const events = calendar.events ?? [];
    const unconfirmed = [
      ...events.filter((e) => !e.isConfirmed).map((e) => `events.${e.kind}`),
      ...parameters.filter((p) => !p.isConfirmed).map((p) => `parameters.${p.name}`),
    ];
    const hasApplication = events.some((e) => e.kind === CALENDAR_EVENT_KIND.APPLICATION);
    if (unconfirmed.length === 0 && hasApplication) return;
    this.logger.debug(`Staff ${staff.id}: notice ${calendar.id} not confirmed for publishing`);
    throw new AppException(ERROR_CODE.NOTICE_UNCONFIRMED, 'Confirm every event and parameter', {
      details: {
        unconfirmed,
        missing: hasApplication ? [] : [`events.${CALENDAR_EVENT_KIND.APPLICATION}`],
      },
    });
  }

  private checkState(staff: StaffPrincipal, calendar: CalendarYearEntity, states: string[]): void {
    if (states.includes(calendar.state)) return;
    this.logger.debug(`Staff ${staff.id}: notice ${calendar.id} is ${calendar.state}`);
    throw new AppException(
      ERROR_CODE.NOTICE_STATE_CONFLICT,
      `The notice is ${calendar.state}, not ${states.join(' or ')}`,
    );
  }

  // An office manages its own region's notices; the autonomous region's office ('65') its own.
  private checkScope(staff: StaffPrincipal, regionCode: string): void {
    if (isOwnNoticeRegion(staff, regionCode)) return;
    this.logger.debug(`Staff ${staff.id} of ${staff.regionCode} refused region ${regionCode}`);
    throw new AppException(ERROR_CODE.OUT_OF_SCOPE, "Another region's notices");
  }

  private findRegionOrFail(staff: StaffPrincipal, regionCode: string): Region {
    const region = findRegion(regionCode);
    if (region) return region;
    this.logger.debug(`Staff ${staff.id} named unknown region ${regionCode}`);
    throw new AppException(ERROR_CODE.REGION_UNKNOWN, 'Unknown region code');
  }

  private async getOrFail(staff: StaffPrincipal, id: string): Promise<CalendarYearEntity> {
    const calendar = await this.calendars.getById(Number(id));
    if (!calendar) {
      this.logger.debug(`Staff ${staff.id}: notice ${id} not found`);
      throw new AppException(ERROR_CODE.CALENDAR_NOT_FOUND, 'Notice not found');
    }
    this.checkScope(staff, calendar.regionCode);
    return calendar;
  }

  private async reload(id: number): Promise<CalendarYearEntity> {
    const calendar = await this.calendars.getById(id);
    if (!calendar) throw new Error(`Notice ${id} vanished`);
    return calendar;
  }

  private async respond(calendar: CalendarYearEntity): Promise<OfficeNoticeResponseDto> {
    const parameters = await this.parameters.getByCalendarYearId(calendar.id);
    const sourceIds = [
      ...new Set(
        parameters
          .map((p) => p.inheritedFromCalendarYearId)
          .filter((id): id is number => id !== null),
      ),
    ];
    const sources = new Map(
      (await this.calendars.getByIds(sourceIds)).map((source) => [source.id, source]),
    );
    return mapOfficeNotice(calendar, parameters, sources);
  }
}

const iso = (instant: Date | null): string | null => (instant ? instant.toISOString() : null);

const actorOf = (staff: StaffPrincipal): NoticeActor => ({
  staffId: Number(staff.id),
  name: staff.username,
});

const invalid = (details: FieldError[]): AppException =>
  new AppException(ERROR_CODE.VALIDATION_FAILED, 'Request validation failed', { details });

// The applications a notice governs: the autonomous region's 推荐自治区评审 notice reaches every
// prefecture; any other notice its own region.
export function scopeOf(
  calendar: Pick<CalendarYearEntity, 'regionCode' | 'year' | 'route'>,
): ApplicationScope {
  const isWholeRegion =
    calendar.regionCode === XINJIANG.code && calendar.route === EVALUATION_ROUTE.REGION;
  return {
    regionCode: isWholeRegion ? null : calendar.regionCode,
    year: calendar.year,
    route: calendar.route,
  };
}

function checkDates(
  field: string,
  dates: { startsAt: string | null; endsAt: string },
): FieldError[] {
  const endsMs = Date.parse(dates.endsAt);
  const startsMs = dates.startsAt === null ? null : Date.parse(dates.startsAt);
  if (Number.isNaN(endsMs)) return [{ field: `${field}.endsAt`, reasons: ['not a real instant'] }];
  if (startsMs !== null && Number.isNaN(startsMs))
    return [{ field: `${field}.startsAt`, reasons: ['not a real instant'] }];
  if (startsMs !== null && endsMs <= startsMs)
    return [{ field: `${field}.endsAt`, reasons: ['endsAt must be after startsAt'] }];
  return [];
}

function toNewEvent(
  event: OfficeNoticeEventInputDto,
  previous: CalendarEventEntity | undefined,
): NewCalendarEvent {
  return {
    kind: event.kind,
    title: previous?.title ?? zhCN.calendar.kind[event.kind],
    startsAt: event.startsAt === null ? null : new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    section: previous?.section ?? DEFAULT_EVENT_SECTION,
    wording: event.quote,
    // The previous notice's reading was of its own words; this one's is the reading below.
    interpretation: null,
    reading: event.reading,
    isConfirmed: event.isConfirmed,
  };
}

function fromParameterInput(parameter: OfficeNoticeParameterInputDto): NoticeParameterValue {
  return {
    name: parameter.name,
    value: parameter.value,
    unit: parameter.unit,
    quote: parameter.quote,
    isConfirmed: parameter.isConfirmed,
  };
}

function toParameterValue(entity: NoticeParameterEntity): NoticeParameterValue {
  return {
    name: entity.name as NoticeParameterName,
    value: readParameterValue(entity),
    unit: entity.unit as NoticeParameterUnit | null,
    quote: entity.quote,
    isConfirmed: entity.isConfirmed,
  };
}
