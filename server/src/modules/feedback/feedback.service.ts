import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE, FEEDBACK_LIMITS } from '@titletrack/shared/contract';
import type {
  CreateFeedbackRequest,
  MyFeedbackListResponse,
  MyFeedbackResponse,
} from '@titletrack/shared/contract';
import { findRegion } from '@titletrack/shared/region';

import { AppException } from '../../common/app.exception';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import type { RateLimitRule } from '../../common/rate-limit/rate-limit.service';
import { feedbackTextOrFail } from './feedback-text.util';
import { mapMyFeedback } from './feedback.dto';
import { FeedbackRepository } from './feedback.repository';

// Fixed UTC days: enough to stop a flood, and a person with more to say can say it tomorrow.
export const FEEDBACK_RATE_LIMIT: RateLimitRule = {
  scope: 'feedback',
  limit: FEEDBACK_LIMITS.perApplicantPerDay,
  windowSeconds: 86_400,
};

// The newest submissions an applicant sees; older ones stay with the office.
const MY_FEEDBACK_LIMIT = 50;

/**
 * 投诉建议, the applicant's side: write to a region's title office, and read one's own
 * submissions with the office's replies. The contact is sealed before it is stored and never
 * logged; neither is the text.
 */
@Injectable()
export class FeedbackService {
  private readonly logger = new Logger(FeedbackService.name);

  constructor(
    private readonly feedbackRepository: FeedbackRepository,
    private readonly rateLimitService: RateLimitService,
    private readonly cipher: FieldCipher,
  ) {}

  async getAll(applicantId: number): Promise<MyFeedbackListResponse> {
    const items = await this.feedbackRepository.getByApplicant(applicantId, MY_FEEDBACK_LIMIT);
    return { items: items.map((item) => mapMyFeedback(item, this.openContact(item))) };
  }

  async create(
    applicantId: number,
    request: CreateFeedbackRequest,
    now = new Date(),
  ): Promise<MyFeedbackResponse> {
    if (!findRegion(request.regionCode)) {
      this.logger.debug(`Feedback for unknown region ${request.regionCode}`);
      throw new AppException(ERROR_CODE.REGION_UNKNOWN, 'Unknown region');
    }
    const text = feedbackTextOrFail('text', request.text, FEEDBACK_LIMITS.textMaxLength);
    const contact = feedbackTextOrFail(
      'contact',
      request.contact ?? '',
      FEEDBACK_LIMITS.contactMaxLength,
      0,
    );
    // Counted only once the input is valid: a typo does not use up the day's submissions.
    await this.rateLimitService.consume(FEEDBACK_RATE_LIMIT, [`applicant:${applicantId}`], now);
    const id = await this.feedbackRepository.create({
      applicantId,
      regionCode: request.regionCode,
      category: request.category,
      text,
      contactSealed: contact === '' ? null : this.cipher.encrypt(contact),
    });
    const created = await this.feedbackRepository.getById(id);
    if (!created) throw new Error('A feedback item just written is missing');
    this.logger.log(`Feedback ${id} received for region ${request.regionCode}`);
    return mapMyFeedback(created, contact === '' ? null : contact);
  }

  private openContact(item: { contactSealed: string | null }): string | null {
    return item.contactSealed === null ? null : this.cipher.decrypt(item.contactSealed);
  }
}
