import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { isSqlite, placeholders, readTime, sqlTime } from '../../database/sql-dialect';

// Internal push states; claimed and sending show as `pending` on the wire.
export const PUSH_ROW_STATE = {
  PENDING: 'pending',
  CLAIMED: 'claimed',
  READY: 'ready', // claimed, credit spent, about to be sent
  SENDING: 'sending',
  SENT: 'sent',
  NO_SUBSCRIPTION: 'no_subscription',
  REFUSED: 'refused',
  OUTCOME_UNKNOWN: 'outcome_unknown',
  FAILED: 'failed',
  NOT_APPLICABLE: 'not_applicable',
} as const;
export type PushRowState = (typeof PUSH_ROW_STATE)[keyof typeof PUSH_ROW_STATE];

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

export interface CreditRow {
  id: number;
  applicantId: number;
  templateId: string;
  credits: number;
  acceptedTotal: number;
  isSwitchedOff: boolean;
}

export const OUTCOME_UNKNOWN_REASON = 'worker stopped after the request may have reached WeChat; not sent again';

@Injectable()
export class PushRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // READ COMMITTED on MySQL: no gap locks, so workers moving rows between states do not block
  // each other on the push index. SQLite has one writer and its own isolation.
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.unitOfWork.write(work, { isolation: 'READ COMMITTED' });
  }

  /**
   * Rows of a worker that died: a claim that never reached `sending` is claimable again; a row
   * found `sending` after its lease may have reached WeChat, and WeChat has no idempotency key,
   * so it becomes outcome_unknown and is never sent again (a duplicate spends a credit).
   */
  async recoverExpired(now: Date, refundReady = true): Promise<{ released: number; unknown: number }> {
    const manager = this.unitOfWork.manager;
    const released = await this.unitOfWork.affected(`UPDATE inbox_message SET pushState = 'pending', claimToken = NULL, claimExpiresAt = NULL WHERE pushState = 'claimed' AND claimExpiresAt < ?`,
      [sqlTime(now)],
    );
    const unknown = await this.unitOfWork.affected(`UPDATE inbox_message SET pushState = 'outcome_unknown', pushError = ? WHERE pushState = 'sending' AND claimExpiresAt < ?`,
      [OUTCOME_UNKNOWN_REASON, sqlTime(now)],
    );
    // `ready` rows had their credit spent but their request never left: back to pending, and
    // the credit back (rare: only after a worker died between deciding and sending).
    const ready: Array<{ id: number; applicantId: number; templateId: string | null }> = await this.unitOfWork.manager.query(
      `SELECT id, applicantId, templateId FROM inbox_message WHERE pushState = 'ready' AND claimExpiresAt < ?`,
      [sqlTime(now)],
    );
    for (const row of ready) {
      await this.transaction(async (tx) => {
        const isMine = await this.unitOfWork.affected(`UPDATE inbox_message SET pushState = 'pending', claimToken = NULL, claimExpiresAt = NULL WHERE id = ? AND pushState = 'ready' AND claimExpiresAt < ?`,
          [Number(row.id), sqlTime(now)],
        );
        if (isMine > 0 && refundReady && row.templateId !== null) {
          await this.changeCredit(tx, Number(row.applicantId), String(row.templateId), 'refund');
        }
      });
    }
    return { released: released + ready.length, unknown };
  }

  /**
   * Claims up to `limit` due rows for `token` in one short transaction. MariaDB ≥ 10.6 and
   * MySQL 8: SELECT … FOR UPDATE SKIP LOCKED, so workers never wait on each other's rows.
   * `update` mode (TiDB, which ignores SKIP LOCKED): one conditional UPDATE … LIMIT; competing
   * workers serialise on it and each gets other rows. SQLite: one writer at a time, so a plain
   * UPDATE over a sub-select is atomic.
   */
  async claim<T>(
    token: string,
    now: Date,
    limit: number,
    claimUntil: Date,
    mode: ClaimMode,
    decide: (manager: EntityManager, rows: ClaimedRow[]) => Promise<T>,
  ): Promise<{ rows: ClaimedRow[]; decided: T | null }> {
    const due = `pushState = 'pending' AND pushNotBefore <= ?`;
    const set = `pushState = 'claimed', claimToken = ?, claimExpiresAt = ?`;
    const n = Number(limit);
    const sqlite = this.unitOfWork.isSqlite;
    if (!sqlite && mode === 'update') {
      await this.unitOfWork.affected(`UPDATE inbox_message SET ${set} WHERE ${due} ORDER BY pushNotBefore, id LIMIT ${n}`, [
        token,
        sqlTime(claimUntil),
        sqlTime(now),
      ]);
    }
    // The claim and the decisions of the round commit together: one short transaction, no
    // HTTP inside it.
    return this.transaction(async (manager) => {
      if (sqlite) {
        await this.unitOfWork.affected(`UPDATE inbox_message SET ${set} WHERE id IN (SELECT id FROM inbox_message WHERE ${due} ORDER BY pushNotBefore, id LIMIT ${n})`,
          [token, sqlTime(claimUntil), sqlTime(now)],
        );
      } else if (mode === 'skip_locked') {
        const found: Array<{ id: number }> = await manager.query(
          `SELECT id FROM inbox_message WHERE ${due} ORDER BY pushNotBefore, id LIMIT ${n} FOR UPDATE SKIP LOCKED`,
          [sqlTime(now)],
        );
        if (found.length === 0) return { rows: [], decided: null };
        await this.unitOfWork.affected(`UPDATE inbox_message SET ${set} WHERE id IN (${placeholders(found.length)})`, [
          token,
          sqlTime(claimUntil),
          ...found.map((row) => Number(row.id)),
        ]);
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
      return { rows, decided: await decide(manager, rows) };
    });
  }

  async getCreditsForUpdate(manager: EntityManager, applicantIds: number[]): Promise<CreditRow[]> {
    if (applicantIds.length === 0) return [];
    const lock = isSqlite(manager) ? '' : ' FOR UPDATE';
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT id, applicantId, templateId, credits, acceptedTotal, isSwitchedOff FROM subscription_credit WHERE applicantId IN (${placeholders(applicantIds.length)})${lock}`,
      applicantIds,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      applicantId: Number(row.applicantId),
      templateId: String(row.templateId),
      credits: Number(row.credits),
      acceptedTotal: Number(row.acceptedTotal),
      isSwitchedOff: Boolean(Number(row.isSwitchedOff)),
    }));
  }

  async getMainSwitchOff(manager: EntityManager, applicantIds: number[]): Promise<Set<number>> {
    if (applicantIds.length === 0) return new Set();
    const rows: Array<{ applicantId: number }> = await manager.query(
      `SELECT applicantId FROM subscription_switch WHERE isMainSwitchOff = 1 AND applicantId IN (${placeholders(applicantIds.length)})`,
      applicantIds,
    );
    return new Set(rows.map((row) => Number(row.applicantId)));
  }

  async setCredits(manager: EntityManager, credits: Map<number, number>): Promise<void> {
    if (credits.size === 0) return;
    const ids = [...credits.keys()];
    await this.unitOfWork.affected(`UPDATE subscription_credit SET credits = CASE id ${ids.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${placeholders(ids.length)})`,
      [...ids.flatMap((id) => [id, credits.get(id)]), ...ids],
    );
  }

  async changeCredit(manager: EntityManager, applicantId: number, templateId: string, change: 'refund' | 'zero'): Promise<void> {
    const set = change === 'refund' ? 'credits = credits + 1' : 'credits = 0';
    await this.unitOfWork.affected(`UPDATE subscription_credit SET ${set} WHERE applicantId = ? AND templateId = ?`, [applicantId, templateId]);
  }

  // Moves claimed rows of `token` to a state; `ready` keeps the claim (with a fresh lease),
  // every other state ends it.
  async markClaimed(
    manager: EntityManager,
    token: string,
    ids: number[],
    fields: { state: PushRowState; templateId?: string | null; error?: string | null; notBefore?: Date; claimUntil?: Date },
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
    await this.unitOfWork.affected(`UPDATE inbox_message SET ${sets.join(', ')} WHERE claimToken = ? AND pushState = 'claimed' AND id IN (${placeholders(ids.length)})`,
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
    const affected = await this.unitOfWork.affected(`UPDATE inbox_message SET pushState = 'sending', claimExpiresAt = ? WHERE claimToken = ? AND pushState = 'ready' AND id IN (${placeholders(ids.length)})`,
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
  async finishSent(manager: EntityManager, token: string, sent: Array<{ id: number; msgId: string | null }>, now: Date): Promise<void> {
    if (sent.length === 0) return;
    await this.unitOfWork.affected(`UPDATE inbox_message SET pushState = 'sent', pushedAt = ?, pushError = NULL, claimToken = NULL, claimExpiresAt = NULL,
         wechatMsgId = CASE id ${sent.map(() => 'WHEN ? THEN ?').join(' ')} END
       WHERE claimToken = ? AND pushState IN ('sending', 'outcome_unknown') AND id IN (${placeholders(sent.length)})`,
      [sqlTime(now), ...sent.flatMap((s) => [s.id, s.msgId]), token, ...sent.map((s) => s.id)],
    );
  }

  async finishOne(
    manager: EntityManager,
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
    const affected = await this.unitOfWork.affected(`UPDATE inbox_message SET ${sets.join(', ')} WHERE id = ? AND claimToken = ? AND pushState IN ('sending', 'outcome_unknown')`,
      [...parameters, id, token],
    );
    return affected > 0;
  }
}
