import { Inject, Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { UnitOfWork } from '../../database/unit-of-work';
import { AppException } from '../../common/app.exception';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { MirrorRepository } from './mirror.repository';
import { NoticeYearRegistry } from '../calendar/notice-year-registry.service';
import { toMirroredApplication } from './platform-payload';
import { MirrorService } from './mirror.service';
import { CHANGE_SOURCE } from './status-change.type';
import type { ApplyOutcome, MirroredApplication } from './status-change.type';
import { SIGNATURE_CHECK, checkWebhookSignature } from './webhook-signature';
import { platformEventSchema } from './webhook.dto';
import type { PlatformEvent } from './webhook.dto';

export interface WebhookReceipt {
  status: 'applied' | 'duplicate';
  outcome: ApplyOutcome | null;
}

@Injectable()
export class WebhookService {
  private readonly logger = new Logger(WebhookService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly mirrorRepository: MirrorRepository,
    private readonly mirrorService: MirrorService,
    private readonly noticeYears: NoticeYearRegistry,
  ) {}

  async receive(
    rawBody: Buffer | undefined,
    timestamp: string | undefined,
    signature: string | undefined,
  ): Promise<WebhookReceipt> {
    const secrets = this.config.platformWebhookSecrets;
    if (secrets.length === 0)
      throw new AppException(
        ERROR_CODE.WEBHOOK_NOT_CONFIGURED,
        'Platform webhook secrets are not configured',
      );
    const body = rawBody ?? Buffer.alloc(0);
    const check = checkWebhookSignature({
      rawBody: body,
      timestamp,
      signature,
      secrets,
      now: new Date(),
    });
    if (check !== SIGNATURE_CHECK.VALID) {
      this.logger.warn(`Platform webhook refused: ${check}`);
      throw new AppException(ERROR_CODE.WEBHOOK_SIGNATURE_INVALID, 'Webhook signature refused', {
        details: { reason: check },
      });
    }
    const event = this.parse(body);
    // Another instance may have published a notice since this one last looked.
    await this.noticeYears.refreshIfChanged();
    const application = this.toMirrored(event);
    return this.unitOfWork.write(async () => {
      // A replay (the sender retrying, or the same event twice) is acknowledged and changes
      // nothing, so the sender stops retrying.
      if (!(await this.mirrorRepository.recordPlatformEvent(event.id))) {
        this.logger.debug(`Platform event ${event.id} already processed`);
        return { status: 'duplicate', outcome: null };
      }
      const outcome = await this.mirrorService.apply(
        [{ ref: `event ${event.id}`, application }],
        CHANGE_SOURCE.WEBHOOK,
        `platform_event:${event.id}`,
      );
      return { status: 'applied', outcome };
    });
  }

  private parse(body: Buffer): PlatformEvent {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw this.invalid(['body: not JSON']);
    }
    const result = platformEventSchema.safeParse(json);
    // Paths and messages only: the values may be personal data.
    if (!result.success)
      throw this.invalid(
        result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      );
    return result.data;
  }

  private toMirrored({ data }: PlatformEvent): MirroredApplication {
    const result = toMirroredApplication(data, new Date(), {
      defaultRegionCode: this.config.platformRegionCode,
      notices: this.noticeYears.all(),
    });
    if (!result.isValid) throw this.invalid(result.problems);
    return result.application;
  }

  private invalid(problems: string[]): AppException {
    this.logger.debug(`Platform event refused: ${problems.length} problems`);
    return new AppException(ERROR_CODE.VALIDATION_FAILED, 'Platform event is not valid', {
      details: problems,
    });
  }
}
