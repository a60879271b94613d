import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE, PUSH_STATE } from '@titletrack/shared/contract';
import type {
  InboxMessage,
  InboxPageResponse,
  MarkAllReadResponse,
  PushState,
  UnreadCountResponse,
} from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { InboxMessageRepository } from './inbox-message.repository';
import type { InboxMessageRow } from './inbox-message.repository';
import { PUSH_ROW_STATE } from './push-state.constant';
import type { PushRowState } from './push-state.constant';

const WIRE_STATE: Readonly<Record<PushRowState, PushState>> = {
  [PUSH_ROW_STATE.PENDING]: PUSH_STATE.PENDING,
  [PUSH_ROW_STATE.CLAIMED]: PUSH_STATE.PENDING,
  [PUSH_ROW_STATE.READY]: PUSH_STATE.PENDING,
  [PUSH_ROW_STATE.SENDING]: PUSH_STATE.PENDING,
  [PUSH_ROW_STATE.SENT]: PUSH_STATE.SENT,
  [PUSH_ROW_STATE.NO_SUBSCRIPTION]: PUSH_STATE.NO_SUBSCRIPTION,
  [PUSH_ROW_STATE.REFUSED]: PUSH_STATE.REFUSED,
  [PUSH_ROW_STATE.OUTCOME_UNKNOWN]: PUSH_STATE.OUTCOME_UNKNOWN,
  [PUSH_ROW_STATE.FAILED]: PUSH_STATE.FAILED,
  [PUSH_ROW_STATE.NOT_APPLICABLE]: PUSH_STATE.NOT_APPLICABLE,
};

// A message about no application (a notice was published) has no applicationId.
export const applicationIdOnWire = (applicationId: number | null): string | null =>
  applicationId === null ? null : String(applicationId);

export function mapInboxMessage(row: InboxMessageRow): InboxMessage {
  return {
    id: String(row.id),
    applicationId: applicationIdOnWire(row.applicationId),
    kind: row.kind,
    ruleId: row.ruleId,
    section: row.section,
    deadline: row.deadline === null ? null : row.deadline.toISOString(),
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt === null ? null : row.readAt.toISOString(),
    pushState: WIRE_STATE[row.pushState as PushRowState] ?? PUSH_STATE.PENDING,
  } as InboxMessage;
}

/**
 * The applicant's inbox: every alert of every application they have bound, and the notices
 * they asked to hear about, newest first.
 * Messages stay after an unbinding: the inbox never drops anything. Reading it writes nothing:
 * the planner puts alerts into inboxes on its tick, and a new binding at once.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);

  constructor(private readonly inboxMessages: InboxMessageRepository) {}

  async getPage(applicantId: number, page: number, pageSize: number): Promise<InboxPageResponse> {
    const rows = await this.inboxMessages.getPageByApplicant(
      applicantId,
      (page - 1) * pageSize,
      pageSize,
    );
    const { total, unread } = await this.inboxMessages.countByApplicant(applicantId);
    return { items: rows.map(mapInboxMessage), page, pageSize, total, unread };
  }

  async getUnreadCount(applicantId: number): Promise<UnreadCountResponse> {
    return { unread: await this.inboxMessages.countUnreadByApplicant(applicantId) };
  }

  async markRead(applicantId: number, messageId: string, now = new Date()): Promise<InboxMessage> {
    const id = Number(messageId);
    await this.inboxMessages.markRead(applicantId, id, now);
    const row = await this.inboxMessages.getByIdForApplicant(applicantId, id);
    if (!row) {
      // Someone else's message answers exactly like one that does not exist.
      this.logger.debug(`Inbox message ${id} not found for applicant ${applicantId}`);
      throw new AppException(ERROR_CODE.NOT_FOUND, 'Inbox message not found');
    }
    return mapInboxMessage(row);
  }

  async markAllRead(applicantId: number, now = new Date()): Promise<MarkAllReadResponse> {
    return { marked: await this.inboxMessages.markAllRead(applicantId, now) };
  }
}
