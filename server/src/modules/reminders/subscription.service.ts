import { Inject, Injectable } from '@nestjs/common';
import type {
  ReportSubscriptionsRequest,
  SubscribeDecision,
  SubscriptionStatusResponse,
  SubscriptionTemplatesResponse,
} from '@titletrack/shared/contract';
import type { AlertKind } from '@titletrack/shared/domain';
import type { EntityManager } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { insertIgnore, placeholders } from '../../database/sql-dialect';

export const SUBSCRIPTION_OPTIONS = Symbol('SUBSCRIPTION_OPTIONS');
export interface SubscriptionOptions {
  templates: Partial<Record<AlertKind, string>>;
  isLongTermSubscription: boolean;
}

// requestSubscribeMessage's errCode when the user's main switch for subscribe messages is off.
export const MAIN_SWITCH_OFF_ERRCODE = 20004;

/**
 * Send credits, counted because WeChat offers no API to read them: each `accept` the mini-app
 * reports is one credit for that template; a send spends one. The mini-app's report is the one
 * source of credits; WeChat's subscribe_msg_popup_event says the same thing again and is only
 * recorded (counting both would double every credit).
 */
@Injectable()
export class SubscriptionService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(SUBSCRIPTION_OPTIONS) private readonly options: SubscriptionOptions,
  ) {}

  getTemplates(): SubscriptionTemplatesResponse {
    return {
      templates: Object.entries(this.options.templates).map(([kind, templateId]) => ({ kind: kind as AlertKind, templateId: templateId as string })),
      isLongTerm: this.options.isLongTermSubscription,
    };
  }

  private kindOf(templateId: string): AlertKind | undefined {
    return (Object.entries(this.options.templates).find(([, id]) => id === templateId)?.[0] as AlertKind | undefined) ?? undefined;
  }

  async report(applicantId: number, request: ReportSubscriptionsRequest): Promise<SubscriptionStatusResponse> {
    await this.unitOfWork.write(async (manager) => {
      if (request.errorCode === MAIN_SWITCH_OFF_ERRCODE) await this.setMainSwitch(manager, applicantId, true);
      let accepted = 0;
      for (const [templateId, decision] of Object.entries(request.results) as Array<[string, SubscribeDecision]>) {
        // Only our own templates count; anything else is ignored, not an error.
        if (this.kindOf(templateId) === undefined) continue;
        await this.ensureRow(manager, applicantId, templateId);
        if (decision === 'accept') {
          accepted += 1;
          await this.unitOfWork.affected('UPDATE subscription_credit SET credits = credits + 1, acceptedTotal = acceptedTotal + 1, isSwitchedOff = 0 WHERE applicantId = ? AND templateId = ?',
            [applicantId, templateId],
          );
        } else if (decision === 'ban') {
          await this.unitOfWork.affected('UPDATE subscription_credit SET credits = 0, isSwitchedOff = 1 WHERE applicantId = ? AND templateId = ?', [
            applicantId,
            templateId,
          ]);
        }
      }
      // An accept proves the main switch is on again.
      if (accepted > 0) await this.setMainSwitch(manager, applicantId, false);
    });
    return this.getStatus(applicantId);
  }

  async getStatus(applicantId: number): Promise<SubscriptionStatusResponse> {
    const templateIds = Object.values(this.options.templates) as string[];
    const rows: Array<{ templateId: string; credits: number; acceptedTotal: number; isSwitchedOff: number | boolean }> =
      templateIds.length === 0
        ? []
        : await this.unitOfWork.manager.query(
            `SELECT templateId, credits, acceptedTotal, isSwitchedOff FROM subscription_credit WHERE applicantId = ? AND templateId IN (${placeholders(templateIds.length)})`,
            [applicantId, ...templateIds],
          );
    const byTemplate = new Map(rows.map((row) => [row.templateId, row]));
    const switchRows: Array<{ isMainSwitchOff: number | boolean }> = await this.unitOfWork.manager.query(
      'SELECT isMainSwitchOff FROM subscription_switch WHERE applicantId = ?',
      [applicantId],
    );
    return {
      credits: Object.entries(this.options.templates).map(([kind, templateId]) => {
        const row = byTemplate.get(templateId as string);
        const isOff = row !== undefined && Boolean(Number(row.isSwitchedOff));
        const remaining = this.options.isLongTermSubscription
          ? row !== undefined && Number(row.acceptedTotal) > 0 && !isOff
            ? null
            : 0
          : isOff
            ? 0
            : Number(row?.credits ?? 0);
        return { templateId: templateId as string, kind: kind as AlertKind, remaining };
      }),
      isMainSwitchOff: Boolean(Number(switchRows[0]?.isMainSwitchOff ?? 0)),
    };
  }

  // subscribe_msg_change_event: the user switched a template off (reject) or on (accept) in
  // WeChat's settings.
  async applySettingChange(openId: string, templateId: string, isOn: boolean): Promise<void> {
    const applicantId = await this.applicantIdOf(openId);
    if (applicantId === null || this.kindOf(templateId) === undefined) return;
    await this.unitOfWork.write(async (manager) => {
      await this.ensureRow(manager, applicantId, templateId);
      await this.unitOfWork.affected(`UPDATE subscription_credit SET isSwitchedOff = ?${isOn ? '' : ', credits = 0'} WHERE applicantId = ? AND templateId = ?`,
        [isOn ? 0 : 1, applicantId, templateId],
      );
    });
  }

  private async applicantIdOf(openId: string): Promise<number | null> {
    const rows: Array<{ id: number }> = await this.unitOfWork.manager.query('SELECT id FROM applicant WHERE openId = ?', [openId]);
    return rows.length === 0 ? null : Number(rows[0]?.id);
  }

  private async ensureRow(manager: EntityManager, applicantId: number, templateId: string): Promise<void> {
    await this.unitOfWork.affected(`${insertIgnore(manager)} subscription_credit (applicantId, templateId, credits, acceptedTotal, isSwitchedOff) VALUES (?, ?, 0, 0, 0)`, [
      applicantId,
      templateId,
    ]);
  }

  private async setMainSwitch(manager: EntityManager, applicantId: number, isOff: boolean): Promise<void> {
    await this.unitOfWork.affected(`${insertIgnore(manager)} subscription_switch (applicantId, isMainSwitchOff) VALUES (?, 0)`, [applicantId]);
    await this.unitOfWork.affected('UPDATE subscription_switch SET isMainSwitchOff = ? WHERE applicantId = ?', [isOff ? 1 : 0, applicantId]);
  }
}
