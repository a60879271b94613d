import { Inject, Injectable } from '@nestjs/common';

import { APP_ENVIRONMENT } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';
import { formatDeadline, nextActions } from '@titletrack/shared/domain';
import type { ActionKind } from '@titletrack/shared/domain';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { toDomainApplication } from '../application/application-to-domain.mapper';
import { ApplicationRepository } from '../application/application.repository';
import { BindingRepository } from '../binding/binding.repository';
import { BindingService } from '../binding/binding.service';
import { buildIcs } from '../calendar/ics.util';
import type { IcsEvent } from '../calendar/ics.util';
import { NoticeYearRegistry } from '../calendar/notice-year-registry.service';
import { CertificateRepository } from '../certificate/certificate.repository';
import { FactRepository } from '../fact-store/fact.repository';
import { factsByApplication, mergeStoredFacts } from '../fact-store/facts.util';
import type { ApplicationProgressResponseDto } from './progress.dto';
import { mapApplicationProgress } from './progress.mapper';
import { ProgressRepository } from './progress.repository';

// The file is for the phone's calendar app, which has no language switch of ours: Chinese, as
// the notice is.
const ACTION_TITLE: Readonly<Record<ActionKind, string>> = {
  submit_application: '网上申报截止',
  complete_continuing_education: '继续教育学时补足',
  watch_employer_publicity: '单位公示结束',
  await_review: '审核截止',
  revise_application: '退回修改重新提交截止',
  pay_fee: '缴纳评审费截止',
  send_paper_materials: '纸质材料报送截止',
  prepare_defence: '专业水平答辩',
  note_defence_exemption: '免答辩说明',
  watch_evaluation_meeting: '评审会',
  watch_publicity: '评审结果公示结束',
  await_qualification_document: '任职资格文件印发',
  await_certificate: '电子证书签发',
  download_certificate: '电子证书下载',
};

@Injectable()
export class ProgressService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bindings: BindingService,
    private readonly bindingRepository: BindingRepository,
    private readonly applicationRepository: ApplicationRepository,
    private readonly certificateRepository: CertificateRepository,
    private readonly noticeYears: NoticeYearRegistry,
    private readonly facts: FactRepository,
    private readonly progressRepository: ProgressRepository,
  ) {}

  async get(
    applicant: ApplicantPrincipal,
    applicationId: string,
  ): Promise<ApplicationProgressResponseDto> {
    // Both at once: the parts are only returned once the application proved to be the caller's.
    const [application, parts] = await Promise.all([
      this.bindings.getOwnApplication(applicant, applicationId),
      this.progressRepository.getParts(Number(applicationId)),
    ]);
    return mapApplicationProgress(application, parts.history, {
      certificateIssuedOn: parts.certificateIssuedOn,
      facts: mergeStoredFacts(application.platformFacts, parts.facts.office, parts.facts.declared),
    });
  }

  // My own deadlines (the to-dos of every bound application that have one) as an iCalendar file.
  async getMyIcs(applicant: ApplicantPrincipal, nowParam: string | undefined): Promise<string> {
    const now = this.resolveNow(nowParam);
    const ids = (await this.bindingRepository.getByApplicant(Number(applicant.id))).map(
      (binding) => binding.applicationId,
    );
    const [entities, issueDates, stored] = await Promise.all([
      this.applicationRepository.getByIds(ids),
      this.certificateRepository.getIssueDatesByApplicationIds(ids),
      this.facts.getByApplications(ids),
    ]);
    const facts = factsByApplication(entities, stored);
    const events: IcsEvent[] = [];
    for (const entity of [...entities].sort((a, b) => a.id - b.id)) {
      const application = toDomainApplication(entity, {
        certificateIssuedOn: issueDates.get(entity.id) ?? null,
        facts: facts.get(entity.id),
      });
      const { applicationNo } = entity;
      // An application whose notice is not published has no to-dos.
      const year = this.noticeYears.forApplication(entity);
      if (!year) continue;
      for (const action of nextActions(application, year, now)) {
        if (action.deadline === null) continue;
        events.push({
          uid: `me-${application.id}-${action.kind}-${action.deadline.getTime()}@titletrack`,
          summary: `${ACTION_TITLE[action.kind]}（${applicationNo}）`,
          description: `截止：${formatDeadline(action.deadline)}\n依据：${year.rules.noticeDocumentNumber} 第${action.section}条（${action.ruleId}）`,
          startsAt: null,
          endsAt: action.deadline,
          alarmMinutesBefore: action.isTask ? 24 * 60 : null,
        });
      }
    }
    return buildIcs('职称通 · 我的截止时间', events, now);
  }

  // The demo clock, as the mini-app's `?now=`: honoured outside production only.
  private resolveNow(nowParam: string | undefined): Date {
    if (nowParam === undefined || this.config.environment === APP_ENVIRONMENT.PRODUCTION)
      return new Date();
    return new Date(nowParam);
  }
}
