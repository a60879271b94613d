import { Injectable } from '@nestjs/common';

import { forUpdate, insertIgnore, placeholders } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';

export interface CreditRow {
  id: number;
  applicantId: number;
  templateId: string;
  credits: number;
  acceptedTotal: number;
  isSwitchedOff: boolean;
}

const CREDIT_COLUMNS = 'id, applicantId, templateId, credits, acceptedTotal, isSwitchedOff';

function toCredit(row: Record<string, unknown>): CreditRow {
  return {
    id: Number(row.id),
    applicantId: Number(row.applicantId),
    templateId: String(row.templateId),
    credits: Number(row.credits),
    acceptedTotal: Number(row.acceptedTotal),
    isSwitchedOff: Boolean(Number(row.isSwitchedOff)),
  };
}

/**
 * The one owner of an applicant's subscribe-message state: `subscription_credit` (send credits
 * per template, counted because WeChat has no API to read them) and `subscription_switch` (the
 * main switch of the applicant's subscribe messages).
 */
@Injectable()
export class SubscriptionRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async getCredits(applicantId: number, templateIds: readonly string[]): Promise<CreditRow[]> {
    if (templateIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `SELECT ${CREDIT_COLUMNS} FROM subscription_credit WHERE applicantId = ? AND templateId IN (${placeholders(templateIds.length)})`,
      [applicantId, ...templateIds],
    );
    return rows.map(toCredit);
  }

  // Locked to the end of the caller's transaction, so two workers never spend one credit twice.
  async getCreditsForUpdate(applicantIds: readonly number[]): Promise<CreditRow[]> {
    if (applicantIds.length === 0) return [];
    const manager = this.unitOfWork.manager;
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${CREDIT_COLUMNS} FROM subscription_credit WHERE applicantId IN (${placeholders(applicantIds.length)})${forUpdate(manager)}`,
      [...applicantIds],
    );
    return rows.map(toCredit);
  }

  async isMainSwitchOff(applicantId: number): Promise<boolean> {
    const rows: Array<{ isMainSwitchOff: number | boolean }> = await this.unitOfWork.manager.query(
      'SELECT isMainSwitchOff FROM subscription_switch WHERE applicantId = ?',
      [applicantId],
    );
    return Boolean(Number(rows[0]?.isMainSwitchOff ?? 0));
  }

  async getMainSwitchOff(applicantIds: readonly number[]): Promise<Set<number>> {
    if (applicantIds.length === 0) return new Set();
    const rows: Array<{ applicantId: number }> = await this.unitOfWork.manager.query(
      `SELECT applicantId FROM subscription_switch WHERE isMainSwitchOff = 1 AND applicantId IN (${placeholders(applicantIds.length)})`,
      [...applicantIds],
    );
    return new Set(rows.map((row) => Number(row.applicantId)));
  }

  // One accept in requestSubscribeMessage: one more credit, and the template is on again.
  async addAccept(applicantId: number, templateId: string): Promise<void> {
    await this.unitOfWork.write(async () => {
      await this.ensureCredit(applicantId, templateId);
      await this.unitOfWork.affected(
        'UPDATE subscription_credit SET credits = credits + 1, acceptedTotal = acceptedTotal + 1, isSwitchedOff = 0 WHERE applicantId = ? AND templateId = ?',
        [applicantId, templateId],
      );
    });
  }

  // The template was switched off (a `ban`, or WeChat's settings) or on again; off spends every
  // credit left.
  async setSwitchedOff(applicantId: number, templateId: string, isOff: boolean): Promise<void> {
    await this.unitOfWork.write(async () => {
      await this.ensureCredit(applicantId, templateId);
      await this.unitOfWork.affected(
        `UPDATE subscription_credit SET isSwitchedOff = ?${isOff ? ', credits = 0' : ''} WHERE applicantId = ? AND templateId = ?`,
        [isOff ? 1 : 0, applicantId, templateId],
      );
    });
  }

  async setCredits(credits: ReadonlyMap<number, number>): Promise<void> {
    if (credits.size === 0) return;
    const ids = [...credits.keys()];
    await this.unitOfWork.affected(
      `UPDATE subscription_credit SET credits = CASE id ${ids.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${placeholders(ids.length)})`,
      [...ids.flatMap((id) => [id, credits.get(id)]), ...ids],
    );
  }

  // `refund`: a send that certainly did not reach WeChat gives its credit back. `zero`: WeChat
  // says no credit is left (43101), whatever we counted.
  async changeCredit(
    applicantId: number,
    templateId: string,
    change: 'refund' | 'zero',
  ): Promise<void> {
    const set = change === 'refund' ? 'credits = credits + 1' : 'credits = 0';
    await this.unitOfWork.affected(
      `UPDATE subscription_credit SET ${set} WHERE applicantId = ? AND templateId = ?`,
      [applicantId, templateId],
    );
  }

  async setMainSwitchOff(applicantId: number, isOff: boolean): Promise<void> {
    await this.unitOfWork.write(async (manager) => {
      await this.unitOfWork.affected(
        `${insertIgnore(manager)} subscription_switch (applicantId, isMainSwitchOff) VALUES (?, 0)`,
        [applicantId],
      );
      await this.unitOfWork.affected(
        'UPDATE subscription_switch SET isMainSwitchOff = ? WHERE applicantId = ?',
        [isOff ? 1 : 0, applicantId],
      );
    });
  }

  private async ensureCredit(applicantId: number, templateId: string): Promise<void> {
    await this.unitOfWork.affected(
      `${insertIgnore(this.unitOfWork.manager)} subscription_credit (applicantId, templateId, credits, acceptedTotal, isSwitchedOff) VALUES (?, ?, 0, 0, 0)`,
      [applicantId, templateId],
    );
  }
}
