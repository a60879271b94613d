import { Injectable } from '@nestjs/common';
import { ERROR_CODE, PUSH_STATE } from '@titletrack/shared/contract';
import type { InboxMessage, InboxPageResponse, MarkAllReadResponse, PushState, UnreadCountResponse } from '@titletrack/shared/contract';

import { UnitOfWork } from '../../database/unit-of-work';
import { AppException } from '../../common/app.exception';
import { PlannerRepository } from './planner.repository';
import { readTime, sqlTime } from '../../database/sql-dialect';

const WIRE_STATE: Readonly<Record<string, PushState>> = {
  pending: PUSH_STATE.PENDING,
  claimed: PUSH_STATE.PENDING,
  ready: PUSH_STATE.PENDING,
  sending: PUSH_STATE.PENDING,
  sent: PUSH_STATE.SENT,
  no_subscription: PUSH_STATE.NO_SUBSCRIPTION,
  refused: PUSH_STATE.REFUSED,
  outcome_unknown: PUSH_STATE.OUTCOME_UNKNOWN,
  failed: PUSH_STATE.FAILED,
  not_applicable: PUSH_STATE.NOT_APPLICABLE,
};

const SELECT_MESSAGE = `SELECT m.id, m.applicationId, m.kind, m.readAt, m.pushState, m.createdAt, a.ruleId, a.section, a.deadline, a.data
  FROM inbox_message m JOIN reminder_alert a ON a.id = m.alertId`;

function toMessage(row: Record<string, unknown>): InboxMessage {
  const deadline = readTime(row.deadline);
  const readAt = readTime(row.readAt);
  return {
    id: String(row.id),
    applicationId: String(row.applicationId),
    kind: String(row.kind),
    ruleId: String(row.ruleId),
    section: String(row.section),
    deadline: deadline === null ? null : deadline.toISOString(),
    data: JSON.parse(String(row.data)) as unknown,
    createdAt: (readTime(row.createdAt) as Date).toISOString(),
    readAt: readAt === null ? null : readAt.toISOString(),
    pushState: WIRE_STATE[String(row.pushState)] ?? PUSH_STATE.PENDING,
  } as InboxMessage;
}

// The applicant's inbox: every alert of every application they have bound, newest first.
// Messages stay after an unbinding: the inbox never drops anything.
@Injectable()
export class InboxService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plannerRepository: PlannerRepository,
  ) {}

  async getPage(applicantId: number, page: number, pageSize: number, now = new Date()): Promise<InboxPageResponse> {
    await this.catchUp(applicantId, now);
    const offset = (page - 1) * pageSize;
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `${SELECT_MESSAGE} WHERE m.applicantId = ? ORDER BY m.id DESC LIMIT ${Number(pageSize)} OFFSET ${Number(offset)}`,
      [applicantId],
    );
    const [counts] = (await this.unitOfWork.manager.query(
      'SELECT COUNT(*) AS total, SUM(CASE WHEN readAt IS NULL THEN 1 ELSE 0 END) AS unread FROM inbox_message WHERE applicantId = ?',
      [applicantId],
    )) as Array<{ total: number | string; unread: number | string | null }>;
    return {
      items: rows.map(toMessage),
      page,
      pageSize,
      total: Number(counts?.total ?? 0),
      unread: Number(counts?.unread ?? 0),
    };
  }

  async getUnreadCount(applicantId: number, now = new Date()): Promise<UnreadCountResponse> {
    await this.catchUp(applicantId, now);
    const [row] = (await this.unitOfWork.manager.query('SELECT COUNT(*) AS unread FROM inbox_message WHERE applicantId = ? AND readAt IS NULL', [
      applicantId,
    ])) as Array<{ unread: number | string }>;
    return { unread: Number(row?.unread ?? 0) };
  }

  async markRead(applicantId: number, messageId: string, now = new Date()): Promise<InboxMessage> {
    const id = Number(messageId);
    await this.unitOfWork.affected('UPDATE inbox_message SET readAt = ? WHERE id = ? AND applicantId = ? AND readAt IS NULL', [
      sqlTime(now),
      id,
      applicantId,
    ]);
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(`${SELECT_MESSAGE} WHERE m.id = ? AND m.applicantId = ?`, [
      id,
      applicantId,
    ]);
    const row = rows[0];
    // Someone else's message answers exactly like one that does not exist.
    if (!row) throw new AppException(ERROR_CODE.NOT_FOUND, 'Inbox message not found');
    return toMessage(row);
  }

  async markAllRead(applicantId: number, now = new Date()): Promise<MarkAllReadResponse> {
    const marked = await this.unitOfWork.affected('UPDATE inbox_message SET readAt = ? WHERE applicantId = ? AND readAt IS NULL', [
      sqlTime(now),
      applicantId,
    ]);
    return { marked };
  }

  // Alerts planned before the applicant bound an application reach the inbox on first look
  // (the planner's tick does the same for everyone).
  private catchUp(applicantId: number, now: Date): Promise<number> {
    return this.plannerRepository.transaction((manager) => this.plannerRepository.fillInboxes(manager, { applicantId }, now));
  }
}
