import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { DemoPersona } from '@titletrack/shared/contract';

import { UnitOfWork } from '../../database/unit-of-work';
import { AppException } from '../../common/app.exception';
import { ApplicationRepository } from '../application/application.repository';
import { AuthService } from '../auth/auth.service';
import { demoApplicantOf } from './demo-applicants.constant';
import type { DemoLoginResponseDto } from './demo.dto';
import { BindingEvents } from '../binding/binding-events.service';
import { BindingRepository } from '../binding/binding.repository';

@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly authService: AuthService,
    private readonly applicationRepository: ApplicationRepository,
    private readonly bindingRepository: BindingRepository,
    private readonly bindingEvents: BindingEvents,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  // "Try as a demo applicant": the development sign-in (refused in production) as one shared
  // applicant per persona, bound to that persona's seeded application.
  async login(persona: DemoPersona): Promise<DemoLoginResponseDto> {
    const session = await this.authService.loginForDevelopment(`demo-${persona}`);
    const seed = demoApplicantOf(persona);
    const application = seed
      ? await this.applicationRepository.getByApplicationNo(seed.applicationNo)
      : null;
    if (!seed || !application) {
      this.logger.debug(`No demo application for ${persona} (seeded in development only)`);
      throw new AppException(ERROR_CODE.APPLICATION_NOT_FOUND, 'Demo application not found');
    }
    // Someone may have bound the demo application with the form: the demo persona takes it back.
    const applicantId = Number(session.principal.id);
    await this.unitOfWork.write(async () => {
      await this.bindingRepository.bindExclusively(applicantId, application.id);
      await this.bindingEvents.bound({ applicantId, applicationId: application.id }, new Date());
    });
    return {
      ...session,
      applicationId: String(application.id),
      demoNow: new Date(seed.demoNow).toISOString(),
    };
  }
}
