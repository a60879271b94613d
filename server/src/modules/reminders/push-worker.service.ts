import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import type { AlertKind } from '@titletrack/shared/domain';

import { SEND_OUTCOME, SUBSCRIBE_SENDER } from '../wechat/subscribe-sender.type';
import type { SendResult, SubscribeSender } from '../wechat/subscribe-sender.type';
import { InboxMessageRepository } from './inbox-message.repository';
import type { ClaimMode, ClaimedRow } from './inbox-message.repository';
import { PUSH_ROW_STATE } from './push-state.constant';
import { pushHeldUntil } from './quiet-hours';
import { SubscriptionRepository } from './subscription.repository';
import type { CreditRow } from './subscription.repository';
import { inboxPage, templateData } from './template-fields';

export const PUSH_WORKER_OPTIONS = Symbol('PUSH_WORKER_OPTIONS');

export const OUTCOME_UNKNOWN_REASON =
  'worker stopped after the request may have reached WeChat; not sent again';

export interface PushWorkerOptions {
  templates: Partial<Record<AlertKind, string>>;
  isLongTermSubscription: boolean;
  miniprogramState: 'formal' | 'trial' | 'developer';
  batchSize: number;
  concurrency: number;
  maxAttempts: number;
  claimMs: number;
  claimMode: ClaimMode;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export interface PushRoundSummary {
  claimed: number;
  sent: number;
  noSubscription: number;
  notApplicable: number;
  held: number;
  refused: number;
  retried: number;
  failed: number;
  outcomeUnknown: number;
  recoveredUnknown: number;
  released: number;
}

// Sign-ins without a WeChat openid (the H5 development login) cannot receive a push.
const hasWechatOpenId = (openId: string): boolean =>
  openId.length > 0 && !openId.startsWith('dev:');

interface Planned {
  row: ClaimedRow;
  templateId: string;
  creditId: number | null; // the credit spent, refunded if WeChat certainly did not deliver
}

/**
 * Delivers inbox messages as WeChat subscribe messages. A round: recover the rows of dead
 * workers, claim a batch, decide per row in one transaction (no openid or template → inbox
 * only; quiet hours → held; no credit → no_subscription; else spend a credit and mark
 * `sending`), send outside any transaction, then record every outcome. A row is marked sent
 * only after WeChat said ok, and a row left `sending` is never sent again.
 */
@Injectable()
export class PushWorkerService {
  private readonly logger = new Logger(PushWorkerService.name);
  private lastRecoveryMs = Number.NaN;

  constructor(
    private readonly inboxMessages: InboxMessageRepository,
    private readonly subscriptions: SubscriptionRepository,
    @Inject(SUBSCRIBE_SENDER) private readonly sender: SubscribeSender | null,
    @Inject(PUSH_WORKER_OPTIONS) private readonly options: PushWorkerOptions,
  ) {}

  get isConfigured(): boolean {
    return this.sender !== null;
  }

  async runOnce(now: Date): Promise<PushRoundSummary> {
    const summary: PushRoundSummary = {
      claimed: 0,
      sent: 0,
      noSubscription: 0,
      notApplicable: 0,
      held: 0,
      refused: 0,
      retried: 0,
      failed: 0,
      outcomeUnknown: 0,
      recoveredUnknown: 0,
      released: 0,
    };
    // Dead workers' rows are looked for a few times per lease, not on every round.
    if (
      Number.isNaN(this.lastRecoveryMs) ||
      Math.abs(now.getTime() - this.lastRecoveryMs) >= Math.min(5_000, this.options.claimMs / 4)
    ) {
      this.lastRecoveryMs = now.getTime();
      const recovered = await this.recoverExpired(now);
      summary.released = recovered.released;
      summary.recoveredUnknown = recovered.unknown;
      if (recovered.unknown > 0) {
        this.logger.warn(
          `${recovered.unknown} push(es) left sending by a stopped worker: outcome unknown, not sent again`,
        );
      }
    }

    const token = randomBytes(12).toString('hex');
    const claimUntil = new Date(now.getTime() + this.options.claimMs);
    const { rows, decided } = await this.inboxMessages.claim(
      token,
      now,
      this.options.batchSize,
      claimUntil,
      this.options.claimMode,
      (claimed) => this.prepare(token, claimed, now, claimUntil, summary),
    );
    summary.claimed = rows.length;
    if (rows.length === 0 || decided === null) return summary;
    const toSend = decided;
    const results = await this.sendAll(token, toSend, now, claimUntil);
    await this.recordWithRetry(token, toSend, results, now, summary);
    return summary;
  }

  /** Rounds until nothing is due (tests, the benchmark). */
  async drain(now: () => Date, maxRounds = 10_000): Promise<PushRoundSummary[]> {
    const rounds: PushRoundSummary[] = [];
    for (let i = 0; i < maxRounds; i += 1) {
      const round = await this.runOnce(now());
      rounds.push(round);
      if (round.claimed === 0) break;
    }
    return rounds;
  }

  /**
   * Rows of a worker that died: a claim that never reached `sending` is claimable again; a row
   * found `sending` after its lease may have reached WeChat, and WeChat has no idempotency key,
   * so it becomes outcome_unknown and is never sent again (a duplicate spends a credit). `ready`
   * rows had their credit spent but their request never left: back to pending, with the credit
   * back (rare: only after a worker died between deciding and sending; long-term subscriptions
   * spend none).
   */
  private async recoverExpired(now: Date): Promise<{ released: number; unknown: number }> {
    const released = await this.inboxMessages.releaseExpiredClaims(now);
    const unknown = await this.inboxMessages.markExpiredSendingUnknown(now, OUTCOME_UNKNOWN_REASON);
    const ready = await this.inboxMessages.getExpiredReady(now);
    for (const row of ready) {
      await this.inboxMessages.transaction(async () => {
        const isMine = await this.inboxMessages.releaseExpiredReady(row.id, now);
        if (isMine && !this.options.isLongTermSubscription && row.templateId !== null) {
          await this.subscriptions.changeCredit(row.applicantId, row.templateId, 'refund');
        }
      });
    }
    return { released: released + ready.length, unknown };
  }

  private async prepare(
    token: string,
    rows: ClaimedRow[],
    now: Date,
    claimUntil: Date,
    summary: PushRoundSummary,
  ): Promise<Planned[]> {
    {
      const notApplicable: ClaimedRow[] = [];
      const held = new Map<number, ClaimedRow[]>();
      const candidates: Array<{ row: ClaimedRow; templateId: string }> = [];
      for (const row of rows) {
        const templateId = this.options.templates[row.kind as AlertKind];
        if (!templateId || !hasWechatOpenId(row.openId) || this.sender === null) {
          notApplicable.push(row);
          continue;
        }
        const until = pushHeldUntil(now, row.deadline);
        if (until !== null) {
          held.set(until.getTime(), [...(held.get(until.getTime()) ?? []), row]);
          continue;
        }
        candidates.push({ row, templateId });
      }

      const applicantIds = [...new Set(candidates.map((c) => c.row.applicantId))];
      const credits = new Map<string, CreditRow>();
      for (const credit of await this.subscriptions.getCreditsForUpdate(applicantIds)) {
        credits.set(`${credit.applicantId}:${credit.templateId}`, credit);
      }
      const switchedOff = await this.subscriptions.getMainSwitchOff(applicantIds);
      const newCredits = new Map<number, number>();
      const planned: Planned[] = [];
      const noCredit = new Map<string, ClaimedRow[]>();
      for (const { row, templateId } of candidates) {
        const credit = credits.get(`${row.applicantId}:${templateId}`);
        let creditId: number | null | undefined;
        if (credit && !credit.isSwitchedOff && !switchedOff.has(row.applicantId)) {
          if (this.options.isLongTermSubscription) {
            if (credit.acceptedTotal > 0) creditId = null;
          } else if (credit.credits > 0) {
            credit.credits -= 1;
            newCredits.set(credit.id, credit.credits);
            creditId = credit.id;
          }
        }
        if (creditId === undefined) {
          noCredit.set(templateId, [...(noCredit.get(templateId) ?? []), row]);
        } else {
          planned.push({ row, templateId, creditId });
        }
      }

      await this.subscriptions.setCredits(newCredits);
      await this.inboxMessages.markClaimed(
        token,
        notApplicable.map((r) => r.id),
        { state: PUSH_ROW_STATE.NOT_APPLICABLE },
      );
      for (const [until, group] of held) {
        await this.inboxMessages.markClaimed(
          token,
          group.map((r) => r.id),
          { state: PUSH_ROW_STATE.PENDING, notBefore: new Date(until) },
        );
      }
      for (const [templateId, group] of noCredit) {
        await this.inboxMessages.markClaimed(
          token,
          group.map((r) => r.id),
          { state: PUSH_ROW_STATE.NO_SUBSCRIPTION, templateId },
        );
      }
      const byTemplate = new Map<string, number[]>();
      for (const p of planned)
        byTemplate.set(p.templateId, [...(byTemplate.get(p.templateId) ?? []), p.row.id]);
      for (const [templateId, ids] of byTemplate) {
        await this.inboxMessages.markClaimed(token, ids, {
          state: PUSH_ROW_STATE.READY,
          templateId,
          claimUntil,
        });
      }
      summary.notApplicable += notApplicable.length;
      summary.held += [...held.values()].reduce((n, g) => n + g.length, 0);
      summary.noSubscription += [...noCredit.values()].reduce((n, g) => n + g.length, 0);
      return planned;
    }
  }

  // Results stay undefined for rows that were not sent (their claim was lost, or marking them
  // failed): they are left `ready` and recovery puts them back.
  private async sendAll(
    token: string,
    planned: Planned[],
    now: Date,
    claimUntil: Date,
  ): Promise<Array<SendResult | undefined>> {
    const sender = this.sender;
    const results: Array<SendResult | undefined> = new Array<SendResult | undefined>(
      planned.length,
    );
    if (sender === null) return results;
    const wave = this.options.concurrency;
    const sendable = new Set<number>();
    let markedUpTo = 0;
    let marking: Promise<void> | null = null;
    let isMarkingBroken = false;
    const startMarking = (): Promise<void> => {
      marking ??= (async () => {
        const from = markedUpTo;
        const to = Math.min(planned.length, from + wave);
        try {
          const ours = await this.inboxMessages.markSending(
            token,
            planned.slice(from, to).map((p) => p.row.id),
            claimUntil,
          );
          for (let i = from; i < to; i += 1)
            if (ours.has((planned[i] as Planned).row.id)) sendable.add(i);
          markedUpTo = to;
        } catch (error) {
          isMarkingBroken = true;
          this.logger.warn(
            `Marking pushes as sending failed: ${(error as Error).message}; the rest of the batch waits`,
          );
        } finally {
          marking = null;
        }
      })();
      return marking;
    };
    const ensureMarked = async (index: number): Promise<boolean> => {
      while (index >= markedUpTo && !isMarkingBroken) await startMarking();
      // The next wave is marked while this one sends, so lanes rarely wait: at most two waves
      // are `sending` at a time.
      if (markedUpTo - index <= wave / 2 && markedUpTo < planned.length && !isMarkingBroken)
        void startMarking();
      return sendable.has(index);
    };
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < planned.length) {
        const index = next;
        next += 1;
        if (!(await ensureMarked(index))) continue;
        const { row, templateId } = planned[index] as Planned;
        try {
          results[index] = await sender.send(
            {
              toOpenId: row.openId,
              templateId,
              page: inboxPage(row.id),
              data: templateData({
                kind: row.kind as AlertKind,
                deadline: row.deadline,
                data: row.data,
                plannedAt: row.plannedAt,
              }),
              miniprogramState: this.options.miniprogramState,
            },
            now,
          );
        } catch (error) {
          results[index] = {
            outcome: SEND_OUTCOME.UNKNOWN,
            error: `send threw: ${(error as Error).message}`,
          };
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.options.concurrency, planned.length) }, lane),
    );
    return results;
  }

  private backoffMs(attempt: number): number {
    const base = Math.min(
      this.options.backoffMaxMs,
      this.options.backoffBaseMs * 2 ** Math.max(0, attempt - 1),
    );
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  // WeChat has answered; losing that answer to a database hiccup (a failover, a restart) would
  // turn sent pushes into outcome_unknown. So the record is retried for half a claim lease.
  private async recordWithRetry(
    token: string,
    planned: Planned[],
    results: Array<SendResult | undefined>,
    now: Date,
    summary: PushRoundSummary,
  ): Promise<void> {
    const giveUpAt = Date.now() + this.options.claimMs / 2;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const delta = {
          sent: 0,
          refused: 0,
          failed: 0,
          retried: 0,
          outcomeUnknown: 0,
        } as PushRoundSummary;
        await this.record(token, planned, results, now, delta);
        summary.sent += delta.sent;
        summary.refused += delta.refused;
        summary.failed += delta.failed;
        summary.retried += delta.retried;
        summary.outcomeUnknown += delta.outcomeUnknown;
        break;
      } catch (error) {
        if (Date.now() >= giveUpAt) throw error;
        this.logger.warn(
          `Recording ${planned.length} push results failed (try ${attempt}): ${(error as Error).message}; retrying`,
        );
        await new Promise((done) => setTimeout(done, Math.min(2_000, 200 * attempt)));
      }
    }
  }

  private async record(
    token: string,
    planned: Planned[],
    results: Array<SendResult | undefined>,
    now: Date,
    summary: PushRoundSummary,
  ): Promise<void> {
    await this.inboxMessages.transaction(async () => {
      const sent: Array<{ id: number; msgId: string | null }> = [];
      for (let i = 0; i < planned.length; i += 1) {
        const { row, templateId, creditId } = planned[i] as Planned;
        const result = results[i];
        if (result === undefined) continue;
        const error = result.error ?? result.outcome;
        switch (result.outcome) {
          case SEND_OUTCOME.SENT:
            sent.push({ id: row.id, msgId: result.msgId ?? null });
            break;
          case SEND_OUTCOME.REFUSED:
            // WeChat knows better than our count: this template has no credit left.
            await this.inboxMessages.finishOne(token, row.id, {
              state: PUSH_ROW_STATE.REFUSED,
              error,
            });
            if (creditId !== null)
              await this.subscriptions.changeCredit(row.applicantId, templateId, 'zero');
            summary.refused += 1;
            break;
          case SEND_OUTCOME.FAILED:
            await this.inboxMessages.finishOne(token, row.id, {
              state: PUSH_ROW_STATE.FAILED,
              error,
            });
            if (creditId !== null)
              await this.subscriptions.changeCredit(row.applicantId, templateId, 'refund');
            summary.failed += 1;
            break;
          case SEND_OUTCOME.RETRY: {
            const attempts = row.pushAttempts + 1;
            const isDead = attempts >= this.options.maxAttempts;
            await this.inboxMessages.finishOne(token, row.id, {
              state: isDead ? PUSH_ROW_STATE.FAILED : PUSH_ROW_STATE.PENDING,
              error: isDead ? `dead-letter after ${attempts} tries: ${error}` : error,
              attempts,
              notBefore: isDead ? undefined : new Date(now.getTime() + this.backoffMs(attempts)),
            });
            if (creditId !== null)
              await this.subscriptions.changeCredit(row.applicantId, templateId, 'refund');
            if (isDead) summary.failed += 1;
            else summary.retried += 1;
            break;
          }
          default:
            await this.inboxMessages.finishOne(token, row.id, {
              state: PUSH_ROW_STATE.OUTCOME_UNKNOWN,
              error,
            });
            summary.outcomeUnknown += 1;
        }
      }
      await this.inboxMessages.finishSent(token, sent, now);
      summary.sent += sent.length;
    });
  }
}
