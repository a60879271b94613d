import { Injectable, Logger } from '@nestjs/common';

import {
  ERROR_CODE,
  FEEDBACK_LIMITS,
  INBOX_ONLY_KIND,
  feedbackReplyExcerpt,
} from '@titletrack/shared/contract';
import type {
  FeedbackCategory,
  FeedbackRepliedMessage,
  ReplyFeedbackRequest,
  StaffFeedbackDetail,
  StaffFeedbackListQuery,
  StaffFeedbackListResponse,
  StaffPrincipal,
} from '@titletrack/shared/contract';
import type { Alert } from '@titletrack/shared/domain';

import { AppException } from '../../common/app.exception';
import { AuditLogRepository } from '../../common/audit/audit-log.repository';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { isRegionInStaffScope, staffScopeFilter } from '../../common/staff-scope';
import { UnitOfWork } from '../../database/unit-of-work';
import { InboxMessageRepository } from '../reminders/inbox-message.repository';
import { ReminderAlertRepository } from '../reminders/reminder-alert.repository';
import type { FeedbackEntity } from './feedback.entity';
import { feedbackTextOrFail } from './feedback-text.util';
import { mapStaffFeedbackDetail, mapStaffFeedbackSummary } from './feedback.dto';
import { FeedbackRepository } from './feedback.repository';

type FeedbackRepliedAlert = Pick<
  FeedbackRepliedMessage,
  'kind' | 'ruleId' | 'section' | 'deadline' | 'data'
> & {
  dedupeKey: string;
};

// Each reply is its own inbox message: a corrected reply tells the applicant again.
export const feedbackReplyKey = (feedbackId: number, replyNumber: number): string =>
  `feedback:${feedbackId}:reply:${replyNumber}`;

/**
 * 投诉建议, the office's side: the prefecture office of the region it was addressed to lists,
 * opens, replies and closes; the autonomous region's office sees every region. The list shows
 * contacts masked; opening an item shows the contact and is audited, as is every reply (who
 * replied) and every closing. A reply, its inbox message and its audit record commit together.
 */
@Injectable()
export class StaffFeedbackService {
  private readonly logger = new Logger(StaffFeedbackService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly feedbackRepository: FeedbackRepository,
    private readonly alerts: ReminderAlertRepository,
    private readonly inboxMessages: InboxMessageRepository,
    private readonly auditLogRepository: AuditLogRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async getPage(
    staff: StaffPrincipal,
    query: StaffFeedbackListQuery,
  ): Promise<StaffFeedbackListResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter = { regionCode: staffScopeFilter(staff).regionCode, state: query.state ?? null };
    const items = await this.feedbackRepository.getPage(filter, (page - 1) * pageSize, pageSize);
    const total = await this.feedbackRepository.count(filter);
    return {
      items: items.map((item) => mapStaffFeedbackSummary(item, this.openContact(item))),
      page,
      pageSize,
      total,
    };
  }

  async get(staff: StaffPrincipal, feedbackId: string): Promise<StaffFeedbackDetail> {
    const item = await this.unitOfWork.write(async () => {
      const found = await this.findInScopeOrFail(staff, feedbackId);
      await this.audit(staff, 'feedback.open', found.id, {});
      return found;
    });
    return mapStaffFeedbackDetail(item, this.openContact(item));
  }

  async reply(
    staff: StaffPrincipal,
    feedbackId: string,
    request: ReplyFeedbackRequest,
    now = new Date(),
  ): Promise<StaffFeedbackDetail> {
    const reply = feedbackTextOrFail('reply', request.reply, FEEDBACK_LIMITS.replyMaxLength);
    const isHandled = request.isHandled === true;
    const item = await this.unitOfWork.write(async () => {
      const found = await this.findInScopeOrFail(staff, feedbackId);
      await this.feedbackRepository.reply(
        found.id,
        { reply, staffUserId: Number(staff.id), isHandled },
        now,
      );
      const replied = await this.feedbackRepository.getById(found.id);
      if (!replied) throw new Error('A feedback item just replied to is missing');
      await this.tellApplicant(replied, reply, now);
      await this.audit(staff, 'feedback.reply', replied.id, {
        replyNumber: replied.replyCount,
        state: replied.state,
      });
      return replied;
    });
    this.logger.log(`Feedback ${item.id} replied by staff ${staff.id}`);
    return mapStaffFeedbackDetail(item, this.openContact(item));
  }

  async markHandled(
    staff: StaffPrincipal,
    feedbackId: string,
    now = new Date(),
  ): Promise<StaffFeedbackDetail> {
    const item = await this.unitOfWork.write(async () => {
      const found = await this.findInScopeOrFail(staff, feedbackId);
      // Closing twice keeps the first record.
      if ((await this.feedbackRepository.markHandled(found.id, now)) > 0) {
        await this.audit(staff, 'feedback.handle', found.id, {});
      }
      const handled = await this.feedbackRepository.getById(found.id);
      if (!handled) throw new Error('A feedback item just handled is missing');
      return handled;
    });
    return mapStaffFeedbackDetail(item, this.openContact(item));
  }

  // The reply as an inbox message of its own kind, never pushed by WeChat: the applicant reads
  // it in the app. reminder_alert holds the facts every inbox message is rendered from; its
  // insert is typed for the planner's alert kinds, and this inbox-only kind has the same columns.
  private async tellApplicant(item: FeedbackEntity, reply: string, now: Date): Promise<void> {
    const alert: FeedbackRepliedAlert = {
      dedupeKey: feedbackReplyKey(item.id, item.replyCount),
      kind: INBOX_ONLY_KIND.FEEDBACK_REPLIED,
      ruleId: '',
      section: '',
      deadline: null,
      data: {
        feedbackId: String(item.id),
        category: item.category as FeedbackCategory,
        replyExcerpt: feedbackReplyExcerpt(reply),
      },
    };
    await this.alerts.createWithoutApplication([alert as unknown as Omit<Alert, 'applicationId'>]);
    const alertId = (await this.alerts.getIdsByDedupeKeys([alert.dedupeKey])).get(alert.dedupeKey);
    if (alertId === undefined) throw new Error('A feedback reply alert just written is missing');
    await this.inboxMessages.createInboxOnly(
      { alertId, applicantId: item.applicantId, kind: alert.kind },
      now,
    );
  }

  // Outside the staff member's region answers exactly like an item that does not exist.
  private async findInScopeOrFail(
    staff: StaffPrincipal,
    feedbackId: string,
  ): Promise<FeedbackEntity> {
    const item = await this.feedbackRepository.getById(Number(feedbackId));
    if (item && isRegionInStaffScope(staff, item.regionCode)) return item;
    this.logger.debug(`Feedback ${feedbackId} not found for staff ${staff.id}`);
    throw new AppException(ERROR_CODE.NOT_FOUND, 'Feedback not found');
  }

  private audit(
    staff: StaffPrincipal,
    action: string,
    feedbackId: number,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.auditLogRepository.create({
      staffUserId: Number(staff.id),
      action,
      targetType: 'feedback',
      targetId: String(feedbackId),
      detail: JSON.stringify(detail),
    });
  }

  private openContact(item: FeedbackEntity): string | null {
    return item.contactSealed === null ? null : this.cipher.decrypt(item.contactSealed);
  }
}
