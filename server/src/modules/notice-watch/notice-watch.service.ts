import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { NoticeWatchListResponse, NoticeWatchResponse } from '@titletrack/shared/contract';
import { ALERT_KIND, RULE_ID } from '@titletrack/shared/domain';
import type { Alert } from '@titletrack/shared/domain';
import { findRegion } from '@titletrack/shared/region';

import { AppException } from '../../common/app.exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { NoticePublicationEvents } from '../calendar/notice-publication-events.service';
import type {
  NoticePublished,
  NoticePublishedListener,
} from '../calendar/notice-publication-events.service';
import { InboxMessageRepository } from '../reminders/inbox-message.repository';
import { ReminderAlertRepository } from '../reminders/reminder-alert.repository';
import { mapNoticeWatch } from './notice-watch.dto';
import { NoticeWatchRepository } from './notice-watch.repository';

// Watchers told per round of inserts: bounded statements however many watch a region.
const WATCHES_PER_CHUNK = 1000;

type NoticePublishedAlert = Extract<Alert, { kind: 'notice_published' }>;

export const noticeAlertKey = (regionCode: string, year: number, applicantId: number): string =>
  `notice:${regionCode}:${year}:${applicantId}`;

/**
 * "通知发布时提醒我": applicants ask to be told when a region publishes its notice of a year.
 * On publication, inside the publisher's write, every watcher not told yet gets one
 * notice_published alert and inbox message (the push worker sends the WeChat message), and the
 * watch is marked told, so a second publication tells nobody again.
 */
@Injectable()
export class NoticeWatchService implements OnModuleInit, NoticePublishedListener {
  private readonly logger = new Logger(NoticeWatchService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly watches: NoticeWatchRepository,
    private readonly alerts: ReminderAlertRepository,
    private readonly inboxMessages: InboxMessageRepository,
    private readonly publications: NoticePublicationEvents,
  ) {}

  onModuleInit(): void {
    this.publications.addListener(this);
  }

  async getAll(applicantId: number): Promise<NoticeWatchListResponse> {
    const watches = await this.watches.getByApplicant(applicantId);
    return { items: watches.map(mapNoticeWatch) };
  }

  async create(
    applicantId: number,
    regionCode: string,
    year: number,
  ): Promise<NoticeWatchResponse> {
    this.assertRegionKnown(regionCode);
    const watch = await this.unitOfWork.write(async () => {
      await this.watches.createIfAbsent(applicantId, regionCode, year);
      return this.watches.getOne(applicantId, regionCode, year);
    });
    if (!watch) throw new Error('A notice watch just written is missing');
    return mapNoticeWatch(watch);
  }

  async delete(applicantId: number, regionCode: string, year: number): Promise<void> {
    this.assertRegionKnown(regionCode);
    await this.watches.delete(applicantId, regionCode, year);
  }

  async onNoticePublished(notice: NoticePublished, now: Date): Promise<number> {
    return this.unitOfWork.write(async () => {
      const waiting = await this.watches.getWaiting(notice.regionCode, notice.year);
      let told = 0;
      for (let i = 0; i < waiting.length; i += WATCHES_PER_CHUNK) {
        const chunk = waiting.slice(i, i + WATCHES_PER_CHUNK);
        const alerts = chunk.map((watch) => this.alertFor(notice, watch.applicantId));
        await this.alerts.createWithoutApplication(alerts);
        const alertIds = await this.alerts.getIdsByDedupeKeys(alerts.map((a) => a.dedupeKey));
        const messages = chunk.flatMap((watch) => {
          const alertId = alertIds.get(
            noticeAlertKey(notice.regionCode, notice.year, watch.applicantId),
          );
          return alertId === undefined
            ? []
            : [{ alertId, applicantId: watch.applicantId, kind: ALERT_KIND.NOTICE_PUBLISHED }];
        });
        await this.inboxMessages.createForApplicants(messages, now);
        told += await this.watches.markNotified(
          chunk.map((watch) => watch.id),
          now,
        );
      }
      if (told > 0) {
        this.logger.log(
          `Notice ${notice.regionCode}/${notice.year} published: told ${told} watcher(s)`,
        );
      }
      return told;
    });
  }

  private alertFor(
    notice: NoticePublished,
    applicantId: number,
  ): Omit<NoticePublishedAlert, 'applicationId'> {
    return {
      dedupeKey: noticeAlertKey(notice.regionCode, notice.year, applicantId),
      kind: ALERT_KIND.NOTICE_PUBLISHED,
      ruleId: RULE_ID.R3,
      section: '',
      deadline: null,
      data: {
        regionCode: notice.regionCode,
        regionName: notice.regionName,
        year: notice.year,
        title: notice.title,
        documentNumber: notice.documentNumber,
      },
    };
  }

  private assertRegionKnown(regionCode: string): void {
    if (findRegion(regionCode)) return;
    this.logger.debug(`Notice watch for unknown region ${regionCode}`);
    throw new AppException(ERROR_CODE.REGION_UNKNOWN, 'Unknown region');
  }
}
