import type { Application } from '@titletrack/shared/domain';

import * as applicationToDomain from '../../src/modules/application/application-to-domain.mapper';
import { ApplicationRepository } from '../../src/modules/application/application.repository';
import { BindingRepository } from '../../src/modules/binding/binding.repository';
import { MirrorService } from '../../src/modules/mirror/mirror.service';
import { CHANGE_SOURCE } from '../../src/modules/mirror/status-change.type';
import type {
  MirroredApplication,
  MirroredCertificate,
} from '../../src/modules/mirror/status-change.type';
import { PlannerService } from '../../src/modules/reminders/planner.service';
import { ID_BOB } from '../support/factories';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

// The applicant's progress (and the to-do list and calendar file drawn from it) and the
// reminder planner must read a stored application the same way, or the phone and the
// reminders disagree about what is owed. Rows go in through the mirror, with the facts a source
// may leave out left out; each reader then reads them its own way, through its own repository.
describe('one reading of a mirrored application', () => {
  const run = Date.now().toString(36).toUpperCase();
  const NOW = new Date('2023-12-06T04:00:00Z');
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const mirrored = (
    suffix: string,
    status: MirroredApplication['status'],
    statusChangedAt: string,
    extra: Partial<MirroredApplication> = {},
  ): MirroredApplication => ({
    applicationNo: `READ${run}-${suffix}`,
    applicantName: '王建国',
    idCardNumber: ID_BOB,
    employer: null,
    county: null,
    series: 'health',
    specialty: '临床医学',
    level: 'intermediate',
    route: 'prefecture_directed',
    year: 2023,
    status,
    statusChangedAt: new Date(statusChangedAt),
    submissionCount: null,
    isFeePaid: null,
    ...extra,
  });

  const certificate: MirroredCertificate = {
    certificateNo: `HTZC-READ-${run}`,
    issuedOn: '2023-12-04',
    issuingCommittee: '和田地区卫生系列中级评审委员会',
    qualificationDocumentNo: null,
    qualificationDocumentDate: null,
    isRevoked: false,
    revokedReason: null,
  };

  it('gives the progress endpoint and the planner the same Application for the same row', async () => {
    const applications = [
      mirrored('RETURNED', 'returned', '2023-08-15T02:00:00Z'),
      mirrored('RECEIVED', 'materials_received', '2023-09-04T03:00:00Z', {
        submissionCount: 2,
        isFeePaid: false,
      }),
      mirrored('FEE', 'paper_materials_received', '2023-09-20T03:00:00Z'),
      mirrored('DOCUMENT', 'qualification_document_issued', '2023-11-27T17:00:00Z'),
      mirrored('CERTIFICATE', 'certificate_issued', '2023-12-05T02:00:00Z', { certificate }),
    ];
    await t.app.get(MirrorService).apply(
      applications.map((application, index) => ({ ref: `row ${index + 1}`, application })),
      CHANGE_SOURCE.WEBHOOK,
      `reading-${run}`,
    );
    const login = await t.api
      .post('/api/auth/dev')
      .send({ devUserId: `reader-${run}` })
      .expect(200);
    const ids: number[] = [];
    for (const { applicationNo } of applications) {
      const stored = await t.app.get(ApplicationRepository).getByApplicationNo(applicationNo);
      if (!stored) throw new Error(`${applicationNo} was not mirrored`);
      await t.app.get(BindingRepository).createIfFree(Number(login.body.principal.id), stored.id);
      ids.push(stored.id);
    }

    // What the planner read, as it passed each row to the shared rules.
    const mapping = jest.spyOn(applicationToDomain, 'toDomainApplication');
    await t.app.get(PlannerService).runOnce(NOW);
    const plannedReads = new Map<string, Application[]>();
    for (const result of mapping.mock.results) {
      const application = result.value as Application;
      plannedReads.set(application.id, [...(plannedReads.get(application.id) ?? []), application]);
    }
    mapping.mockRestore();

    for (const id of ids) {
      const progress = await t.api
        .get(`/api/me/applications/${id}/progress`)
        .set('Authorization', `Bearer ${login.body.token}`)
        .expect(200);
      const read: Application = progress.body.application;
      const planned = plannedReads.get(String(id)) ?? [];
      expect(planned.length).toBeGreaterThan(0);
      if (read.status === 'certificate_issued') {
        // The planner knows a certificate's date from its certificate_ready event: the read that
        // came with the event is the one to compare.
        expect(read.certificateIssuedAt).toBe('2023-12-04');
        expect(planned).toContainEqual(read);
      } else {
        for (const application of planned) expect(application).toEqual(read);
      }
    }
  });
});
