import { Inject, Injectable } from '@nestjs/common';

import type {
  ReportSubscriptionsRequest,
  SubscribeDecision,
  SubscriptionStatusResponse,
  SubscriptionTemplatesResponse,
} from '@titletrack/shared/contract';
import type { AlertKind } from '@titletrack/shared/domain';

import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicantRepository } from '../applicant/applicant.repository';
import { SubscriptionRepository } from './subscription.repository';
import type { CreditRow } from './subscription.repository';

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
    private readonly subscriptions: SubscriptionRepository,
    private readonly applicants: ApplicantRepository,
    @Inject(SUBSCRIPTION_OPTIONS) private readonly options: SubscriptionOptions,
  ) {}

  getTemplates(): SubscriptionTemplatesResponse {
    return {
      templates: this.templateEntries().map(([kind, templateId]) => ({ kind, templateId })),
      isLongTerm: this.options.isLongTermSubscription,
    };
  }

  async report(
    applicantId: number,
    request: ReportSubscriptionsRequest,
  ): Promise<SubscriptionStatusResponse> {
    await this.unitOfWork.write(async () => {
      if (request.errorCode === MAIN_SWITCH_OFF_ERRCODE)
        await this.subscriptions.setMainSwitchOff(applicantId, true);
      let accepted = 0;
      for (const [templateId, decision] of Object.entries<SubscribeDecision>(request.results)) {
        // Only our own templates count; anything else is ignored, not an error.
        if (!this.isOurTemplate(templateId)) continue;
        if (decision === 'accept') {
          accepted += 1;
          await this.subscriptions.addAccept(applicantId, templateId);
        } else if (decision === 'ban') {
          await this.subscriptions.setSwitchedOff(applicantId, templateId, true);
        }
      }
      // An accept proves the main switch is on again.
      if (accepted > 0) await this.subscriptions.setMainSwitchOff(applicantId, false);
    });
    return this.getStatus(applicantId);
  }

  async getStatus(applicantId: number): Promise<SubscriptionStatusResponse> {
    const entries = this.templateEntries();
    const rows = await this.subscriptions.getCredits(
      applicantId,
      entries.map(([, templateId]) => templateId),
    );
    const byTemplate = new Map(rows.map((row) => [row.templateId, row]));
    return {
      credits: entries.map(([kind, templateId]) => ({
        templateId,
        kind,
        remaining: this.remaining(byTemplate.get(templateId)),
      })),
      isMainSwitchOff: await this.subscriptions.isMainSwitchOff(applicantId),
    };
  }

  // subscribe_msg_change_event: the user switched a template off (reject) or on (accept) in
  // WeChat's settings. Someone we do not know, or a template not ours, changes nothing.
  async applySettingChange(openId: string, templateId: string, isOn: boolean): Promise<void> {
    if (!this.isOurTemplate(templateId)) return;
    const applicant = await this.applicants.getByOpenId(openId);
    if (applicant === null) return;
    await this.subscriptions.setSwitchedOff(applicant.id, templateId, !isOn);
  }

  // Long-term subscriptions need one accept and no count; one-time ones count credits.
  private remaining(row: CreditRow | undefined): number | null {
    const isOff = row?.isSwitchedOff ?? false;
    if (this.options.isLongTermSubscription)
      return row !== undefined && row.acceptedTotal > 0 && !isOff ? null : 0;
    return isOff ? 0 : (row?.credits ?? 0);
  }

  private templateEntries(): Array<[AlertKind, string]> {
    return (
      Object.entries(this.options.templates) as Array<[AlertKind, string | undefined]>
    ).filter((entry): entry is [AlertKind, string] => typeof entry[1] === 'string');
  }

  private isOurTemplate(templateId: string): boolean {
    return this.templateEntries().some(([, id]) => id === templateId);
  }
}
