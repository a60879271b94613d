import { timingSafeEqual } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';
import { checkIdCardNumber } from '@titletrack/shared/domain';

import { UnitOfWork } from '../../database/unit-of-work';
import { AppException } from '../../common/app.exception';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import type { RateLimitRule } from '../../common/rate-limit/rate-limit.service';
import type { ApplicationEntity } from '../application/application.entity';
import { ApplicationRepository } from '../application/application.repository';
import { mapMyApplication } from './binding.dto';
import type {
  BindApplicationDto,
  MyApplicationListResponseDto,
  MyApplicationSummaryDto,
} from './binding.dto';
import { BindingEvents } from './binding-events.service';
import { BindingRepository } from './binding.repository';

// Five tries per quarter hour per account and per address: enough for typos, far too few to
// guess an ID number.
export const BIND_RATE_LIMIT: RateLimitRule = { scope: 'bind', limit: 5, windowSeconds: 15 * 60 };

const normalizeName = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

@Injectable()
export class BindingService {
  private readonly logger = new Logger(BindingService.name);

  constructor(
    private readonly bindingRepository: BindingRepository,
    private readonly applicationRepository: ApplicationRepository,
    private readonly cipher: FieldCipher,
    private readonly rateLimit: RateLimitService,
    private readonly unitOfWork: UnitOfWork,
    private readonly bindingEvents: BindingEvents,
  ) {}

  async bind(
    applicant: ApplicantPrincipal,
    request: BindApplicationDto,
    ip: string,
  ): Promise<MyApplicationSummaryDto> {
    await this.rateLimit.consume(BIND_RATE_LIMIT, [`applicant:${applicant.id}`, `ip:${ip}`]);
    const idCard = checkIdCardNumber(request.idCardNumber, new Date());
    if (!idCard.isValid) {
      this.logger.debug(`Binding refused: ID number ${idCard.reason}`);
      throw new AppException(ERROR_CODE.ID_CARD_INVALID, 'ID card number is not valid', {
        details: { reason: idCard.reason },
      });
    }
    const application = await this.applicationRepository.getByApplicationNo(
      request.applicationNo.trim(),
    );
    const isMatch =
      application !== null &&
      normalizeName(application.applicantName) === normalizeName(request.name) &&
      this.isSameBlindIndex(
        application.idCardBlindIndex,
        this.cipher.blindIndex(idCard.normalized),
      );
    if (!application || !isMatch) throw this.notMatched();

    const applicantId = Number(applicant.id);
    await this.unitOfWork.write(async () => {
      await this.bindingRepository.createIfFree(applicantId, application.id);
      // Bound to someone else already: answered like a mismatch, so the answer never confirms
      // that the details someone typed belong to a real application.
      const binding = await this.bindingRepository.getByApplicationId(application.id);
      if (binding?.applicantId !== applicantId) throw this.notMatched();
      await this.bindingEvents.bound({ applicantId, applicationId: application.id }, new Date());
    });
    return this.toSummary(application);
  }

  async getAll(applicant: ApplicantPrincipal): Promise<MyApplicationListResponseDto> {
    const bindings = await this.bindingRepository.getByApplicant(Number(applicant.id));
    const applications = await this.applicationRepository.getByIds(
      bindings.map((b) => b.applicationId),
    );
    return { items: applications.map((application) => this.toSummary(application)) };
  }

  async get(
    applicant: ApplicantPrincipal,
    applicationId: string,
  ): Promise<MyApplicationSummaryDto> {
    const application = await this.getOwnApplication(applicant, applicationId);
    return this.toSummary(application);
  }

  async unbind(applicant: ApplicantPrincipal, applicationId: string): Promise<void> {
    const isDeleted = await this.bindingRepository.delete(
      Number(applicant.id),
      Number(applicationId),
    );
    if (!isDeleted) throw this.notFound(applicationId);
  }

  // The caller's own bound application. Another applicant's answers exactly like one that does
  // not exist.
  async getOwnApplication(
    applicant: ApplicantPrincipal,
    applicationId: string,
  ): Promise<ApplicationEntity> {
    const application = await this.applicationRepository.getBoundTo(
      Number(applicant.id),
      Number(applicationId),
    );
    if (!application) throw this.notFound(applicationId);
    return application;
  }

  private toSummary(application: ApplicationEntity): MyApplicationSummaryDto {
    return mapMyApplication(application, this.cipher.maskedIdCardNumber(application.idCardCipher));
  }

  private isSameBlindIndex(stored: string, computed: string): boolean {
    const a = Buffer.from(stored, 'hex');
    const b = Buffer.from(computed, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private notMatched(): AppException {
    this.logger.debug('Binding refused: details do not match an application');
    return new AppException(
      ERROR_CODE.BINDING_NOT_MATCHED,
      'The details do not match an application',
    );
  }

  private notFound(applicationId: string): AppException {
    this.logger.debug(`Application ${applicationId} is not bound to the caller`);
    return new AppException(ERROR_CODE.APPLICATION_NOT_FOUND, 'Application not found');
  }
}
