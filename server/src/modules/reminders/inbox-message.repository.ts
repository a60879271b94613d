import { Injectable } from '@nestjs/common';

import {
  forUpdate,
  hasRowLocks,
  insertIgnore,
  limitedUpdate,
  placeholders,
  readTime,
  sqlTime,
} from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { PUSH_ROW_STATE } from './push-state.constant';
import { deadlineFilter, scopeSelect } from './reminder-alert.repository';
import type { AlertScope } from './reminder-alert.repository';
import type { PushRowState } from './push-state.constant';

// A binding made later still gets the alert in its inbox; it is pushed only while it matters:
// its deadline is ahead, or (no deadline) it was planned less than this long ago.
export const LATE_PUSH_WINDOW_MS = 72 * 3_600_000;

// An inbox message with the alert it tells.
export interface InboxMessageRow {
  id: number;
  // Null for a message about a notice rather than an application (notice_published).
  applicationId: number | null;
  kind: string;
  readAt: Date | null;
  pushState: string;
  createdAt: Date;
  ruleId: string;
  section: string;
  deadline: Date | null;
  data: unknown;
}

export interface InboxCounts {
  total: number;
  unread: number;
}

export interface MessagePushRow {
  id: number;
  alertId: number;
  applicantId: number;
  applicationId: number | null;
  kind: string;
  pushState: string;
  pushAttempts: number;
  pushError: string | null;
  pushedAt: Date | null;
  readAt: Date | null;
}

export type ClaimMode = 'skip_locked' | 'update';

export interface ClaimedRow {
  id: number;
  applicantId: number;
  kind: string;
  pushAttempts: number;
  deadline: Date | null;
  data: unknown;
  plannedAt: Date;
  openId: string;
}

export interface ExpiredReadyRow {
  id: number;
  applicantId: number;
  templateId: string | null;
}

// Messages that never left the server and that no push worker holds: pending (not yet claimed),
// inbox-only, and those whose push was given up. Claimed, ready and sending rows belong to a
// worker in flight; sent and outcome_unknown ones may have reached the applicant.
const UNPUSHED_STATES: readonly PushRowState[] = [
  PUSH_ROW_STATE.PENDING,
  PUSH_ROW_STATE.NOT_APPLICABLE,
  PUSH_ROW_STATE.NO_SUBSCRIPTION,
  PUSH_ROW_STATE.REFUSED,
  PUSH_ROW_STATE.FAILED,
];

// Text columns that may be NULL, as either driver returns them.
const nullableText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const SELECT_MESSAGE = `SELECT m.id, m.applicationId, m.kind, m.readAt, m.pushState, m.createdAt, a.ruleId, a.section, a.deadline, a.data
  FROM inbox_message m JOIN reminder_alert a ON a.id = m.alertId`;

function nullableId(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toMessageRow(row: Record<string, unknown>): InboxMessageRow {
  return {
    id: Number(row.id),
    applicationId: nullableId(row.applicationId),
    kind: String(row.kind),
    readAt: readTime(row.readAt),
    pushState: String(row.pushState),
    createdAt: readTime(row.createdAt) as Date,
    ruleId: String(row.ruleId),
    section: String(row.section),
    deadline: readTime(row.deadline),
    data: JSON.parse(String(row.data)) as unknown,
  };
}

function toPushRow(row: Record<string, unknown>): MessagePushRow {
  return {
    id: Number(row.id),
    alertId: Number(row.alertId),
    applicantId: Number(row.applicantId),
    applicationId: nullableId(row.applicationId),
    kind: String(row.kind),
    pushState: String(row.pushState),
    pushAttempts: Number(row.pushAttempts),
    pushError: nullableText(row.pushError),
    pushedAt: readTime(row.pushedAt),
    readAt: readTime(row.readAt),
  };
}

const SELECT_PUSH_ROW =
  'SELECT id, alertId, applicantId, applicationId, kind, pushState, pushAttempts, pushError, pushedAt, readAt FROM inbox_message';

/**
 * The one owner of `inbox_message`: one row per alert and bound applicant, which is both the
 * applicant's inbox message and the state of its WeChat push. Statements that read other
 * tables alongside (reminder_alert for the alert's text, application_binding for who gets a
 * message, applicant for the openid a push goes to) are run here because they write or read
 * this table; each says so.
 */
@Injectable()
export class InboxMessageRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // READ COMMITTED on MySQL: no gap locks, so workers moving rows between push states do not
  // block each other on the push index. SQLite has one writer and its own isolation.
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.unitOfWork.write(() => work(), { isolation: 'READ COMMITTED' });
  }

  /**
   * Inbox rows for every alert of these applications that its bound applicant does not have
   * yet: new alerts, and old ones when the binding came later. Idempotent (unique alert and
   * applicant). Pushes wait for a worker; an alert no longer worth a push is inbox-only.
   * Reads reminder_alert and application_binding in the same INSERT … SELECT: one statement
   * fills thousands of inboxes.
   */
  async createForApplications(applicationIds: number[], now: Date): Promise<number> {
    if (applicationIds.length === 0) return 0;
    const manager = this.unitOfWork.manager;
    return this.unitOfWork.affected(
      `${insertIgnore(manager)} inbox_message (alertId, applicantId, applicationId, kind, pushState, pushAttempts, pushNotBefore)
       SELECT a.id, b.applicantId, a.applicationId, a.kind,
         CASE WHEN (a.deadline IS NULL AND a.createdAt >= ?) OR a.deadline > ? THEN 'pending' ELSE 'not_applicable' END,
         0, ?
       FROM reminder_alert a JOIN application_binding b ON b.applicationId = a.applicationId
       WHERE a.applicationId IN (${placeholders(applicationIds.length)})
         AND NOT EXISTS (SELECT 1 FROM inbox_message m WHERE m.alertId = a.id AND m.applicantId = b.applicantId)`,
      [
        sqlTime(new Date(now.getTime() - LATE_PUSH_WINDOW_MS)),
        sqlTime(now),
        sqlTime(now),
        ...applicationIds,
      ],
    );
  }

  // Newest first; joins reminder_alert for what the alert says.
  async getPageByApplicant(
    applicantId: number,
    offset: number,
    limit: number,
  ): Promise<InboxMessageRow[]> {
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `${SELECT_MESSAGE} WHERE m.applicantId = ? ORDER BY m.id DESC LIMIT ${Math.floor(Number(limit))} OFFSET ${Math.floor(Number(offset))}`,
      [applicantId],
    );
    return rows.map(toMessageRow);
  }

  // Joins reminder_alert for what the alert says.
  async getByIdForApplicant(applicantId: number, id: number): Promise<InboxMessageRow | null> {
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `${SELECT_MESSAGE} WHERE m.id = ? AND m.applicantId = ?`,
      [id, applicantId],
    );
    const row = rows[0];
    return row ? toMessageRow(row) : null;
  }

  async countByApplicant(applicantId: number): Promise<InboxCounts> {
    const [counts] = await this.unitOfWork.manager.query<
      Array<{ total: number | string; unread: number | string | null }>
    >(
      'SELECT COUNT(*) AS total, SUM(CASE WHEN readAt IS NULL THEN 1 ELSE 0 END) AS unread FROM inbox_message WHERE applicantId = ?',
      [applicantId],
    );
    return { total: Number(counts?.total ?? 0), unread: Number(counts?.unread ?? 0) };
  }

  async countUnreadByApplicant(applicantId: number): Promise<number> {
    const [row] = await this.unitOfWork.manager.query<Array<{ unread: number | string }>>(
      'SELECT COUNT(*) AS unread FROM inbox_message WHERE applicantId = ? AND readAt IS NULL',
      [applicantId],
    );
    return Number(row?.unread ?? 0);
  }

  // Reading twice keeps the first time.
  markRead(applicantId: number, id: number, now: Date): Promise<number> {
    return this.unitOfWork.affected(
      'UPDATE inbox_message SET readAt = ? WHERE id = ? AND applicantId = ? AND readAt IS NULL',
      [sqlTime(now), id, applicantId],
    );
  }

  markAllRead(applicantId: number, now: Date): Promise<number> {
    return this.unitOfWork.affected(
      'UPDATE inbox_message SET readAt = ? WHERE applicantId = ? AND readAt IS NULL',
      [sqlTime(now), applicantId],
    );
  }

  async getByApplicationId(applicationId: number): Promise<MessagePushRow[]> {
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `${SELECT_PUSH_ROW} WHERE applicationId = ? ORDER BY id`,
      [applicationId],
    );
    return rows.map(toPushRow);
  }

  async countByPushState(): Promise<Record<string, number>> {
    const rows: Array<{ pushState: string; n: number | string }> =
      await this.unitOfWork.manager.query(
        'SELECT pushState, COUNT(*) AS n FROM inbox_message GROUP BY pushState',
      );
    return Object.fromEntries(rows.map((row) => [String(row.pushState), Number(row.n)]));
  }

  // Newest first.
  async getByPushStates(states: readonly PushRowState[], limit: number): Promise<MessagePushRow[]> {
    if (states.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `${SELECT_PUSH_ROW} WHERE pushState IN (${placeholders(states.length)}) ORDER BY id DESC LIMIT ${Math.floor(Number(limit))}`,
      [...states],
    );
    return rows.map(toPushRow);
  }

  // subscribe_msg_sent_event: WeChat reports a delivery it had accepted as failed.
  markDeliveryFailed(wechatMsgId: string, error: string): Promise<number> {
    return this.unitOfWork.affected(
      'UPDATE inbox_message SET pushError = ? WHERE wechatMsgId = ? AND pushState = ?',
      [error.slice(0, 300), wechatMsgId, PUSH_ROW_STATE.SENT],
    );
  }

  // Claims whose lease ran out before anything was decided: claimable again.
  releaseExpiredClaims(now: Date): Promise<number> {
    return this.unitOfWork.affected(
      "UPDATE inbox_message SET pushState = 'pending', claimToken = NULL, claimExpiresAt = NULL WHERE pushState = 'claimed' AND claimExpiresAt < ?",
      [sqlTime(now)],
    );
  }

  // Rows found `sending` after their lease: the request may have reached WeChat.
  markExpiredSendingUnknown(now: Date, reason: string): Promise<number> {
    return this.unitOfWork.affected(
      "UPDATE inbox_message SET pushState = 'outcome_unknown', pushError = ? WHERE pushState = 'sending' AND claimExpiresAt < ?",
      [reason, sqlTime(now)],
    );
  }

  async getExpiredReady(now: Date): Promise<ExpiredReadyRow[]> {
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      "SELECT id, applicantId, templateId FROM inbox_message WHERE pushState = 'ready' AND claimExpiresAt < ?",
      [sqlTime(now)],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      applicantId: Number(row.applicantId),
      templateId: nullableText(row.templateId),
    }));
  }

  // Back to pending if it is still `ready` past its lease; false when another worker got there.
  async releaseExpiredReady(id: number, now: Date): Promise<boolean> {
    const affected = await this.unitOfWork.affected(
      "UPDATE inbox_message SET pushState = 'pending', claimToken = NULL, claimExpiresAt = NULL WHERE id = ? AND pushState = 'ready' AND claimExpiresAt < ?",
      [id, sqlTime(now)],
    );
    return affected > 0;
  }

  /**
   * Claims up to `limit` due rows for `token`, then runs `decide` on them in the same short
   * transaction, so the claim and the round's decisions commit together (no HTTP inside).
   * With SKIP LOCKED (MariaDB ≥ 10.6, MySQL 8): SELECT … FOR UPDATE SKIP LOCKED, so workers never
   * wait on each other's rows. `update` mode (TiDB, which ignores SKIP LOCKED): one conditional
   * UPDATE … LIMIT committed on its own, so competing workers hold its locks only for that
   * statement and each gets other rows. Without row locks (SQLite, one writer at a time) the
   * limited UPDATE is atomic and runs inside the transaction. The claimed rows are read with
   * their alert (reminder_alert) and the openid they go to (applicant).
   */
  async claim<T>(
    token: string,
    now: Date,
    limit: number,
    claimUntil: Date,
    mode: ClaimMode,
    decide: (rows: ClaimedRow[]) => Promise<T>,
  ): Promise<{ rows: ClaimedRow[]; decided: T | null }> {
    const source = this.unitOfWork.manager;
    const due = "pushState = 'pending' AND pushNotBefore <= ?";
    const set = "pushState = 'claimed', claimToken = ?, claimExpiresAt = ?";
    const claimFirst = (): Promise<number> =>
      this.unitOfWork.affected(
        limitedUpdate(source, {
          table: 'inbox_message',
          set,
          where: due,
          orderBy: 'pushNotBefore, id',
          limit,
        }),
        [token, sqlTime(claimUntil), sqlTime(now)],
      );
    const isSkipLocked = mode === 'skip_locked' && hasRowLocks(source);
    if (hasRowLocks(source) && !isSkipLocked) await claimFirst();
    return this.transaction(async () => {
      const manager = this.unitOfWork.manager;
      if (!hasRowLocks(manager)) {
        await claimFirst();
      } else if (isSkipLocked) {
        const found: Array<{ id: number }> = await manager.query(
          `SELECT id FROM inbox_message WHERE ${due} ORDER BY pushNotBefore, id LIMIT ${Math.floor(Number(limit))}${forUpdate(manager, { isSkipLocked: true })}`,
          [sqlTime(now)],
        );
        if (found.length === 0) return { rows: [], decided: null };
        await this.unitOfWork.affected(
          `UPDATE inbox_message SET ${set} WHERE id IN (${placeholders(found.length)})`,
          [token, sqlTime(claimUntil), ...found.map((row) => Number(row.id))],
        );
      }
      const raw: Array<Record<string, unknown>> = await manager.query(
        `SELECT m.id, m.applicantId, m.kind, m.pushAttempts, a.deadline, a.data, a.createdAt AS plannedAt, p.openId
         FROM inbox_message m JOIN reminder_alert a ON a.id = m.alertId JOIN applicant p ON p.id = m.applicantId
         WHERE m.claimToken = ? AND m.pushState = 'claimed'`,
        [token],
      );
      const rows: ClaimedRow[] = raw.map((row) => ({
        id: Number(row.id),
        applicantId: Number(row.applicantId),
        kind: String(row.kind),
        pushAttempts: Number(row.pushAttempts),
        deadline: readTime(row.deadline),
        data: JSON.parse(String(row.data)) as unknown,
        plannedAt: readTime(row.plannedAt) as Date,
        openId: String(row.openId),
      }));
      if (rows.length === 0) return { rows, decided: null };
      return { rows, decided: await decide(rows) };
    });
  }

  // Moves claimed rows of `token` to a state; `ready` and `sending` keep the claim (with a
  // fresh lease), every other state ends it.
  async markClaimed(
    token: string,
    ids: number[],
    fields: {
      state: PushRowState;
      templateId?: string | null;
      error?: string | null;
      notBefore?: Date;
      claimUntil?: Date;
    },
  ): Promise<void> {
    if (ids.length === 0) return;
    const sets = ['pushState = ?'];
    const parameters: unknown[] = [fields.state];
    if (fields.templateId !== undefined) {
      sets.push('templateId = ?');
      parameters.push(fields.templateId);
    }
    if (fields.error !== undefined) {
      sets.push('pushError = ?');
      parameters.push(fields.error);
    }
    if (fields.notBefore) {
      sets.push('pushNotBefore = ?');
      parameters.push(sqlTime(fields.notBefore));
    }
    if (fields.state === PUSH_ROW_STATE.READY || fields.state === PUSH_ROW_STATE.SENDING) {
      sets.push('claimExpiresAt = ?');
      parameters.push(sqlTime(fields.claimUntil ?? new Date()));
    } else {
      sets.push('claimToken = NULL', 'claimExpiresAt = NULL');
    }
    await this.unitOfWork.affected(
      `UPDATE inbox_message SET ${sets.join(', ')} WHERE claimToken = ? AND pushState = 'claimed' AND id IN (${placeholders(ids.length)})`,
      [...parameters, token, ...ids],
    );
  }

  /**
   * Marks rows `sending` just before their requests leave (a few at a time, as many as are sent
   * at once), so a worker that dies leaves as few rows as possible in doubt. Returns the rows
   * still ours: one a slow worker lost to recovery is not sent.
   */
  async markSending(token: string, ids: number[], claimUntil: Date): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const affected = await this.unitOfWork.affected(
      `UPDATE inbox_message SET pushState = 'sending', claimExpiresAt = ? WHERE claimToken = ? AND pushState = 'ready' AND id IN (${placeholders(ids.length)})`,
      [sqlTime(claimUntil), token, ...ids],
    );
    if (affected === ids.length) return new Set(ids);
    const rows: Array<{ id: number }> = await this.unitOfWork.manager.query(
      `SELECT id FROM inbox_message WHERE claimToken = ? AND pushState = 'sending' AND id IN (${placeholders(ids.length)})`,
      [token, ...ids],
    );
    return new Set(rows.map((row) => Number(row.id)));
  }

  // The result of a send. Matches `sending` and also `outcome_unknown`: a worker that was only
  // slow (its lease ran out meanwhile) still records what WeChat actually said.
  async finishSent(
    token: string,
    sent: Array<{ id: number; msgId: string | null }>,
    now: Date,
  ): Promise<void> {
    if (sent.length === 0) return;
    await this.unitOfWork.affected(
      `UPDATE inbox_message SET pushState = 'sent', pushedAt = ?, pushError = NULL, claimToken = NULL, claimExpiresAt = NULL,
         wechatMsgId = CASE id ${sent.map(() => 'WHEN ? THEN ?').join(' ')} END
       WHERE claimToken = ? AND pushState IN ('sending', 'outcome_unknown') AND id IN (${placeholders(sent.length)})`,
      [sqlTime(now), ...sent.flatMap((s) => [s.id, s.msgId]), token, ...sent.map((s) => s.id)],
    );
  }

  async finishOne(
    token: string,
    id: number,
    fields: { state: PushRowState; error: string; attempts?: number; notBefore?: Date },
  ): Promise<boolean> {
    const sets = ['pushState = ?', 'pushError = ?', 'claimToken = NULL', 'claimExpiresAt = NULL'];
    const parameters: unknown[] = [fields.state, fields.error.slice(0, 300)];
    if (fields.attempts !== undefined) {
      sets.push('pushAttempts = ?');
      parameters.push(fields.attempts);
    }
    if (fields.notBefore) {
      sets.push('pushNotBefore = ?');
      parameters.push(sqlTime(fields.notBefore));
    }
    const affected = await this.unitOfWork.affected(
      `UPDATE inbox_message SET ${sets.join(', ')} WHERE id = ? AND claimToken = ? AND pushState IN ('sending', 'outcome_unknown')`,
      [...parameters, id, token],
    );
    return affected > 0;
  }

  /**
   * Inbox rows for alerts told to one applicant each, with no application (a notice was
   * published). Idempotent (unique alert and applicant). The push waits for a worker, which
   * holds it through quiet hours like any other.
   */
  async createForApplicants(
    messages: ReadonlyArray<{ alertId: number; applicantId: number; kind: string }>,
    now: Date,
  ): Promise<number> {
    const rowsPerInsert = 500;
    let inserted = 0;
    for (let i = 0; i < messages.length; i += rowsPerInsert) {
      const chunk = messages.slice(i, i + rowsPerInsert);
      inserted += await this.unitOfWork.affected(
        `${insertIgnore(this.unitOfWork.manager)} inbox_message (alertId, applicantId, applicationId, kind, pushState, pushAttempts, pushNotBefore) VALUES ${chunk
          .map(() => "(?, ?, NULL, ?, 'pending', 0, ?)")
          .join(', ')}`,
        chunk.flatMap((m) => [m.alertId, m.applicantId, m.kind, sqlTime(now)]),
      );
    }
    return inserted;
  }

  // A message no push is planned for (an office's reply to feedback): written as not_applicable,
  // so no push worker claims it. Idempotent (unique alert and applicant).
  createInboxOnly(
    message: { alertId: number; applicantId: number; kind: string },
    now: Date,
  ): Promise<number> {
    return this.unitOfWork.affected(
      `${insertIgnore(this.unitOfWork.manager)} inbox_message (alertId, applicantId, applicationId, kind, pushState, pushAttempts, pushNotBefore) VALUES (?, ?, NULL, ?, 'not_applicable', 0, ?)`,
      [message.alertId, message.applicantId, message.kind, sqlTime(now)],
    );
  }

  /**
   * Withdraws what a notice's applications were told about dates that no longer hold (the old
   * dates of corrected events; every dated alert when null): their messages that were never
   * pushed are deleted, so they neither push nor show. Deleted rather than marked: a new state
   * would have to be filtered by every reader of the inbox and the push queue, and the
   * date-change message says what changed. A message already pushed stays, as the applicant's
   * record. Reads reminder_alert and application (the scope) in the same statement.
   */
  deleteUnpushed(scope: AlertScope, deadlines: readonly Date[] | null): Promise<number> {
    if (deadlines !== null && deadlines.length === 0) return Promise.resolve(0);
    const applications = scopeSelect(scope);
    const dated = deadlineFilter(deadlines);
    return this.unitOfWork.affected(
      `DELETE FROM inbox_message WHERE pushState IN (${placeholders(UNPUSHED_STATES.length)})
         AND alertId IN (SELECT id FROM reminder_alert WHERE ${dated.sql}
           AND applicationId IN (${applications.sql}))`,
      [...UNPUSHED_STATES, ...dated.parameters, ...applications.parameters],
    );
  }

  // The staff delivery log of one scope (null fields: any): messages about applications of the
  // region, county or series. Joins application for where each belongs; messages about no
  // application (a published notice) are not in any restricted scope.
  async countByPushStateInScope(scope: {
    regionCode: string | null;
    county: string | null;
    series: string | null;
  }): Promise<Record<string, number>> {
    const { where, parameters } = scopeCondition(scope);
    const rows: Array<{ pushState: string; n: number | string }> =
      await this.unitOfWork.manager.query(
        `SELECT m.pushState, COUNT(*) AS n FROM inbox_message m JOIN application p ON p.id = m.applicationId WHERE ${where} GROUP BY m.pushState`,
        parameters,
      );
    return Object.fromEntries(rows.map((row) => [String(row.pushState), Number(row.n)]));
  }

  // Newest first; joins application for where each message's application belongs.
  async getByPushStatesInScope(
    states: readonly PushRowState[],
    limit: number,
    scope: { regionCode: string | null; county: string | null; series: string | null },
  ): Promise<MessagePushRow[]> {
    if (states.length === 0) return [];
    const { where, parameters } = scopeCondition(scope);
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `SELECT m.id, m.alertId, m.applicantId, m.applicationId, m.kind, m.pushState, m.pushAttempts, m.pushError, m.pushedAt, m.readAt
       FROM inbox_message m JOIN application p ON p.id = m.applicationId
       WHERE m.pushState IN (${placeholders(states.length)}) AND ${where} ORDER BY m.id DESC LIMIT ${Math.floor(Number(limit))}`,
      [...states, ...parameters],
    );
    return rows.map(toPushRow);
  }
}

// An application (aliased p) in a staff scope: each non-null field must match.
function scopeCondition(scope: {
  regionCode: string | null;
  county: string | null;
  series: string | null;
}): { where: string; parameters: string[] } {
  const conditions: string[] = ['1 = 1'];
  const parameters: string[] = [];
  for (const column of ['regionCode', 'county', 'series'] as const) {
    const value = scope[column];
    if (value === null) continue;
    conditions.push(`p.${column} = ?`);
    parameters.push(value);
  }
  return { where: conditions.join(' AND '), parameters };
}
