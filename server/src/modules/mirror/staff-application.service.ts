import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type {
  StaffApplicationDetail,
  StaffApplicationPage,
  StaffApplicationSummary,
  StaffPrincipal,
} from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { isInStaffScope, staffScopeFilter } from '../../common/staff-scope';
import { FieldCipher } from '../../common/crypto/field-cipher';
import type { ApplicationEntity } from '../application/application.entity';
import { ApplicationRepository } from '../application/application.repository';
import { mapMyApplication } from '../binding/binding.dto';
import { MirrorRepository } from './mirror.repository';

// Staff see the applications of their scope only (their region; a county HR bureau its county,
// a series authority its series); one outside it answers exactly like one that does not exist.
@Injectable()
export class StaffApplicationService {
  private readonly logger = new Logger(StaffApplicationService.name);

  constructor(
    private readonly applicationRepository: ApplicationRepository,
    private readonly mirrorRepository: MirrorRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async search(
    staff: StaffPrincipal,
    q: string | undefined,
    status: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<StaffApplicationPage> {
    const filter = {
      q,
      status,
      offset: (page - 1) * pageSize,
      limit: pageSize,
      scope: staffScopeFilter(staff),
    };
    const { items, total } = await this.applicationRepository.search(filter);
    return { items: items.map((a) => this.toSummary(a)), total, page, pageSize };
  }

  async get(staff: StaffPrincipal, id: number): Promise<StaffApplicationDetail> {
    const application = await this.applicationRepository.getById(id);
    if (!application || !isInStaffScope(staff, application)) {
      this.logger.debug(`Application ${id} not found in the scope of staff ${staff.id}`);
      throw new AppException(ERROR_CODE.APPLICATION_NOT_FOUND, 'Application not found');
    }
    const history = await this.mirrorRepository.getHistory(id);
    return {
      application: this.toSummary(application),
      history: history.map((row) => ({
        fromStatus: row.fromStatus,
        toStatus: row.toStatus,
        changedAt: row.changedAt.toISOString(),
        source: row.source,
        sourceRef: row.sourceRef,
      })),
    };
  }

  private toSummary(application: ApplicationEntity): StaffApplicationSummary {
    return {
      ...mapMyApplication(application, this.cipher.maskedIdCardNumber(application.idCardCipher)),
      employer: application.employer,
      county: application.county,
      submissionCount: application.submissionCount,
      isFeePaid: application.isFeePaid,
    };
  }
}
