import { Injectable } from '@nestjs/common';

import type { EvaluationRoute } from '@titletrack/shared/calendar';
import { NOTICE_STATE } from '@titletrack/shared/contract';
import { beijingDateOf } from '@titletrack/shared/domain';
import type { NoticeRules } from '@titletrack/shared/domain';

import { AuditLogRepository } from '../../common/audit/audit-log.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { CalendarYearEntity } from '../calendar/calendar-year.entity';
import { CalendarRepository } from '../calendar/calendar.repository';
import type { NewCalendarEvent } from '../calendar/calendar.repository';
import { NoticePublicationEvents } from '../calendar/notice-publication-events.service';
import { NoticeParameterRepository } from './notice-parameter.repository';
import type { NewNoticeParameter } from './notice-parameter.repository';
import { NoticeRepository } from '../notice/notice.repository';

export const NOTICE_AUDIT_TARGET = 'calendar_year';

export const NOTICE_AUDIT_ACTION = {
  DRAFTED: 'notice_drafted',
  UPDATED: 'notice_updated',
  PUBLISHED: 'notice_published',
  CORRECTED: 'notice_corrected',
  WITHDRAWN: 'notice_withdrawn',
} as const;
export type NoticeAuditAction = (typeof NOTICE_AUDIT_ACTION)[keyof typeof NOTICE_AUDIT_ACTION];

// Who changed a notice: a staff account, or the seed at start (no account).
export interface NoticeActor {
  staffId: number | null;
  name: string;
}

export interface NoticeDraftWrite {
  regionCode: string;
  regionName: string;
  year: number;
  route: EvaluationRoute;
  title: string;
  documentNumber: string;
  text: string;
  events: NewCalendarEvent[];
  parameters: NewNoticeParameter[];
}

// The public notice row a publication writes; by default keyed `${region}-${year}-${route}`.
export interface PublicNoticeFields {
  slug?: string;
  title?: string;
  issuer?: string;
  publishedOn?: string;
}

/**
 * The writes of a notice's life, each in one transaction with its audit row: what the office
 * endpoints and the seed share (the seed has no HTTP, no planner and no staff account).
 */
@Injectable()
export class NoticeWriter {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly calendars: CalendarRepository,
    private readonly parameters: NoticeParameterRepository,
    private readonly notices: NoticeRepository,
    private readonly audit: AuditLogRepository,
    private readonly publicationEvents: NoticePublicationEvents,
  ) {}

  // Returns the new draft's id.
  createDraft(draft: NoticeDraftWrite, actor: NoticeActor): Promise<number> {
    return this.unitOfWork.write(async () => {
      const id = await this.calendars.create(
        {
          regionCode: draft.regionCode,
          year: draft.year,
          route: draft.route,
          region: draft.regionName,
          title: draft.title,
          noticeDocumentNumber: draft.documentNumber,
          noticeText: draft.text,
          state: NOTICE_STATE.DRAFT,
          version: 0,
        },
        draft.events,
      );
      await this.parameters.replaceForCalendarYear(id, draft.parameters);
      await this.log(actor, NOTICE_AUDIT_ACTION.DRAFTED, id, {
        regionCode: draft.regionCode,
        year: draft.year,
        route: draft.route,
        events: draft.events.length,
        parameters: draft.parameters.length,
      });
      return id;
    });
  }

  async replaceDraft(
    id: number,
    draft: Omit<NoticeDraftWrite, 'regionCode' | 'regionName' | 'year' | 'route'>,
    actor: NoticeActor,
  ): Promise<void> {
    await this.unitOfWork.write(async () => {
      await this.calendars.update(id, {
        title: draft.title,
        noticeDocumentNumber: draft.documentNumber,
        noticeText: draft.text,
      });
      await this.calendars.replaceEvents(id, draft.events);
      await this.parameters.replaceForCalendarYear(id, draft.parameters);
      await this.log(actor, NOTICE_AUDIT_ACTION.UPDATED, id, {
        events: draft.events.length,
        parameters: draft.parameters.length,
      });
    });
  }

  /**
   * Publishes a confirmed notice with its resolved rules: applicants see it, its public notice
   * row is written, and the publication's listeners (watchers of the region) are told inside
   * the same write. Returns how many people the listeners told.
   */
  publish(
    calendar: CalendarYearEntity,
    rules: NoticeRules,
    actor: NoticeActor,
    now: Date,
    publicNotice: PublicNoticeFields = {},
  ): Promise<number> {
    return this.unitOfWork.write(async () => {
      const version = calendar.version + 1;
      await this.calendars.update(calendar.id, {
        state: NOTICE_STATE.PUBLISHED,
        rules: JSON.stringify(rules),
        version,
        publishedAt: now,
        publishedByStaffId: actor.staffId,
      });
      await this.notices.upsertForCalendar({
        slug: publicNotice.slug ?? `${calendar.regionCode}-${calendar.year}-${calendar.route}`,
        documentNumber: calendar.noticeDocumentNumber,
        title: publicNotice.title ?? calendar.title,
        issuer: publicNotice.issuer ?? calendar.region,
        publishedOn: publicNotice.publishedOn ?? beijingDateOf(now),
        year: calendar.year,
        body: calendar.noticeText ?? '',
        regionCode: calendar.regionCode,
        calendarYearId: calendar.id,
      });
      await this.log(actor, NOTICE_AUDIT_ACTION.PUBLISHED, calendar.id, {
        version,
        noticeDocumentNumber: calendar.noticeDocumentNumber,
      });
      return this.publicationEvents.published(
        {
          calendarYearId: calendar.id,
          regionCode: calendar.regionCode,
          regionName: calendar.region,
          year: calendar.year,
          route: calendar.route as EvaluationRoute,
          title: calendar.title,
          documentNumber: calendar.noticeDocumentNumber,
        },
        now,
      );
    });
  }

  // A withdrawn notice's public row goes with it; inside the caller's write.
  async unpublishNotice(calendarYearId: number): Promise<void> {
    await this.notices.deleteByCalendarYearId(calendarYearId);
  }

  log(
    actor: NoticeActor,
    action: NoticeAuditAction,
    calendarYearId: number,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.create({
      staffUserId: actor.staffId,
      action,
      targetType: NOTICE_AUDIT_TARGET,
      targetId: String(calendarYearId),
      detail: JSON.stringify({ actor: actor.name, ...detail }),
    });
  }
}
