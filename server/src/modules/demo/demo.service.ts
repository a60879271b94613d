import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { DemoPersona } from '@titletrack/shared/contract';
import { FACT_NAME, FACT_SOURCE } from '@titletrack/shared/domain';
import type { FactName } from '@titletrack/shared/domain';

import { UnitOfWork } from '../../database/unit-of-work';
import { AppException } from '../../common/app.exception';
import { ApplicationRepository } from '../application/application.repository';
import { AuthService } from '../auth/auth.service';
import { demoApplicantOf } from './demo-applicants.constant';
import type { DemoLoginResponseDto } from './demo.dto';
import { BindingEvents } from '../binding/binding-events.service';
import { BindingRepository } from '../binding/binding.repository';
import { FACT_SUBJECT_KIND } from '../fact-store/fact.entity';
import { FactRepository } from '../fact-store/fact.repository';
import { PlannerService } from '../reminders/planner.service';

@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly authService: AuthService,
    private readonly applicationRepository: ApplicationRepository,
    private readonly bindingRepository: BindingRepository,
    private readonly bindingEvents: BindingEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly facts: FactRepository,
    private readonly planner: PlannerService,
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
    const demoNow = new Date(seed.demoNow);
    const declared = seed.declaredFacts ?? {};
    await this.unitOfWork.write(async () => {
      await this.bindingRepository.bindExclusively(applicantId, application.id);
      await this.bindingEvents.bound({ applicantId, applicationId: application.id }, new Date());
      // The persona's declarations as seeded: what an earlier visitor changed is undone.
      await this.facts.write(
        { kind: FACT_SUBJECT_KIND.APPLICANT, id: applicantId },
        FACT_SOURCE.DECLARED,
        (Object.values(FACT_NAME) as FactName[]).map((name) => {
          const value = declared[name];
          return {
            name,
            value: value === undefined || value === null ? null : JSON.stringify(value),
          };
        }),
        demoNow,
        null,
      );
    });
    // The alerts of the demo moment reach the persona's inbox as the planner would have put
    // them there (idempotent: a second sign-in plans nothing new).
    await this.planner.planApplications([application], demoNow);
    return {
      ...session,
      applicationId: String(application.id),
      demoNow: new Date(seed.demoNow).toISOString(),
    };
  }
}
