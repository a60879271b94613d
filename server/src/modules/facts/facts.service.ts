import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type {
  ApplicantPrincipal,
  ChecklistResponse,
  ChecklistTickRequest,
  DeclareFactsRequest,
  EligibilityRequest,
  EligibilityResponse,
  MyFactsResponse,
  StaffApplicationFactsResponse,
  StaffPrincipal,
} from '@titletrack/shared/contract';
import { FACT_NAME, FACT_SOURCE, beijingDateOf, checkEligibility } from '@titletrack/shared/domain';
import type { FactName, NoticeYear } from '@titletrack/shared/domain';
import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';

import { AppException } from '../../common/app.exception';
import { AuditLogRepository } from '../../common/audit/audit-log.repository';
import { isInStaffScope } from '../../common/staff-scope';
import { UnitOfWork } from '../../database/unit-of-work';
import type { ApplicationEntity } from '../application/application.entity';
import { ApplicationRepository } from '../application/application.repository';
import { BindingRepository } from '../binding/binding.repository';
import { BindingService } from '../binding/binding.service';
import { NoticeYearRegistry } from '../calendar/notice-year-registry.service';
import { PlannerService } from '../reminders/planner.service';
import { ChecklistTickRepository } from './checklist-tick.repository';
import { FACT_SUBJECT_KIND } from '../fact-store/fact.entity';
import { FactRepository } from '../fact-store/fact.repository';
import type { FactWrite } from '../fact-store/fact.repository';
import { mergeStoredFacts } from '../fact-store/facts.util';

// Hotan: the region whose notice an eligibility question without a region is asked about.
const DEFAULT_REGION_CODE = '6532';
const FACT_NAMES: readonly FactName[] = Object.values(FACT_NAME);

// The facts a request sets or withdraws (null), as JSON; absent names are left alone.
function factWrites(request: DeclareFactsRequest): FactWrite[] {
  const writes: FactWrite[] = [];
  for (const name of FACT_NAMES) {
    const value = request[name];
    if (value === undefined) continue;
    writes.push({ name, value: value === null ? null : JSON.stringify(value) });
  }
  return writes;
}

/**
 * "My facts" and the office's facts about an application: declared facts are the applicant's
 * own, office facts are staff's (in scope, audited), platform facts the mirror's; the rules read
 * them merged (mergeFactSources). Also the eligibility question and the attachment checklist,
 * which read the same facts and bindings.
 */
@Injectable()
export class FactsService {
  private readonly logger = new Logger(FactsService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly facts: FactRepository,
    private readonly checklistTicks: ChecklistTickRepository,
    private readonly applications: ApplicationRepository,
    private readonly bindingRepository: BindingRepository,
    private readonly bindings: BindingService,
    private readonly audit: AuditLogRepository,
    private readonly noticeYears: NoticeYearRegistry,
    private readonly planner: PlannerService,
  ) {}

  async getMine(applicant: ApplicantPrincipal): Promise<MyFactsResponse> {
    const [declared, bound] = await Promise.all([
      this.facts.getDeclaredByApplicant(Number(applicant.id)),
      this.getBoundApplications(applicant),
    ]);
    // Several bound applications: the latest year's speaks for the person (getByIds orders so).
    const latest = bound[0] ?? null;
    const office = latest ? await this.facts.getOfficeByApplication(latest.id) : [];
    return { facts: mergeStoredFacts(latest?.platformFacts, office, declared) };
  }

  async declareMine(
    applicant: ApplicantPrincipal,
    request: DeclareFactsRequest,
    now: Date = new Date(),
  ): Promise<MyFactsResponse> {
    const subject = { kind: FACT_SUBJECT_KIND.APPLICANT, id: Number(applicant.id) };
    await this.facts.write(subject, FACT_SOURCE.DECLARED, factWrites(request), now, null);
    // Changed facts may change what is owed: the bound applications are planned at once, not at
    // the next tick.
    const bound = await this.getBoundApplications(applicant);
    await this.planner.planApplications(bound, now);
    return this.getMine(applicant);
  }

  async getForStaff(staff: StaffPrincipal, id: number): Promise<StaffApplicationFactsResponse> {
    const application = await this.getInScope(staff, id);
    return { applicationId: String(application.id), facts: await this.factsOf(application) };
  }

  async setOffice(
    staff: StaffPrincipal,
    id: number,
    request: DeclareFactsRequest,
    now: Date = new Date(),
  ): Promise<StaffApplicationFactsResponse> {
    const application = await this.getInScope(staff, id);
    const writes = factWrites(request);
    await this.unitOfWork.write(async () => {
      await this.facts.write(
        { kind: FACT_SUBJECT_KIND.APPLICATION, id: application.id },
        FACT_SOURCE.OFFICE,
        writes,
        now,
        Number(staff.id),
      );
      await this.audit.create({
        staffUserId: Number(staff.id),
        action: 'application_facts_set',
        targetType: 'application',
        targetId: String(application.id),
        // The names only: values may be personal (service years, certificates).
        detail: JSON.stringify({
          set: writes.filter((w) => w.value !== null).map((w) => w.name),
          withdrawn: writes.filter((w) => w.value === null).map((w) => w.name),
        }),
      });
    });
    await this.planner.planApplications([application], now);
    return this.getForStaff(staff, id);
  }

  async checkMyEligibility(
    applicant: ApplicantPrincipal,
    request: EligibilityRequest,
    now: Date = new Date(),
  ): Promise<EligibilityResponse> {
    const regionCode = request.regionCode ?? DEFAULT_REGION_CODE;
    const year = request.year ?? Number(beijingDateOf(now).slice(0, 4));
    const notice = this.noticeFor(regionCode, year);
    const { facts } = await this.getMine(applicant);
    const answers = checkEligibility(
      {
        facts,
        level: request.level,
        series: request.series,
        year: notice.year,
        currentLevel: request.currentLevel ?? null,
        titleObtainedYear: request.titleObtainedYear ?? null,
        // Whoever asks about a region's notice works there (R1 reads it so).
        // No fact records a ban yet (R19): none.
        falsificationYears: [],
      },
      notice.noticeYear.rules,
    );
    return {
      regionCode,
      year: notice.year,
      noticeDocumentNumber: notice.noticeYear.rules.noticeDocumentNumber,
      answers,
    };
  }

  async getMyChecklist(
    applicant: ApplicantPrincipal,
    applicationId: string,
  ): Promise<ChecklistResponse> {
    const application = await this.bindings.getOwnApplication(applicant, applicationId);
    return this.checklistOf(applicant, application.id);
  }

  async tickMyChecklist(
    applicant: ApplicantPrincipal,
    applicationId: string,
    { itemKey, isDone }: ChecklistTickRequest,
  ): Promise<ChecklistResponse> {
    const application = await this.bindings.getOwnApplication(applicant, applicationId);
    if (isDone) await this.checklistTicks.create(Number(applicant.id), application.id, itemKey);
    else await this.checklistTicks.delete(Number(applicant.id), application.id, itemKey);
    return this.checklistOf(applicant, application.id);
  }

  private async checklistOf(
    applicant: ApplicantPrincipal,
    applicationId: number,
  ): Promise<ChecklistResponse> {
    return {
      applicationId: String(applicationId),
      tickedItemKeys: await this.checklistTicks.getItemKeys(Number(applicant.id), applicationId),
    };
  }

  // The notice asked about, else the region's latest published one (prefecture-directed first).
  private noticeFor(regionCode: string, year: number): { year: number; noticeYear: NoticeYear } {
    const asked = this.noticeYears.find(regionCode, year, EVALUATION_ROUTE.PREFECTURE_DIRECTED);
    if (asked) return { year, noticeYear: asked };
    const latest = this.noticeYears
      .all()
      .filter((published) => published.regionCode === regionCode)
      .sort(
        (a, b) =>
          b.calendar.year - a.calendar.year ||
          Number(b.calendar.route === EVALUATION_ROUTE.PREFECTURE_DIRECTED) -
            Number(a.calendar.route === EVALUATION_ROUTE.PREFECTURE_DIRECTED),
      )[0];
    if (!latest) {
      this.logger.debug(`No published notice for region ${regionCode}`);
      throw new AppException(ERROR_CODE.CALENDAR_NOT_FOUND, 'No published notice for the region');
    }
    return { year: latest.calendar.year, noticeYear: latest };
  }

  private async getBoundApplications(applicant: ApplicantPrincipal): Promise<ApplicationEntity[]> {
    const ids = (await this.bindingRepository.getByApplicant(Number(applicant.id))).map(
      (binding) => binding.applicationId,
    );
    return this.applications.getByIds(ids);
  }

  private async getInScope(staff: StaffPrincipal, id: number): Promise<ApplicationEntity> {
    const application = await this.applications.getById(id);
    if (!application || !isInStaffScope(staff, application)) {
      this.logger.debug(`Application ${id} not found in the scope of staff ${staff.id}`);
      throw new AppException(ERROR_CODE.APPLICATION_NOT_FOUND, 'Application not found');
    }
    return application;
  }

  // One application's facts from every source: the platform's, the office's, and the
  // declarations of whoever is bound to it.
  private async factsOf(application: ApplicationEntity) {
    const binding = await this.bindingRepository.getByApplicationId(application.id);
    const [office, declared] = await Promise.all([
      this.facts.getOfficeByApplication(application.id),
      binding ? this.facts.getDeclaredByApplicant(binding.applicantId) : Promise.resolve([]),
    ]);
    return mergeStoredFacts(application.platformFacts, office, declared);
  }
}
