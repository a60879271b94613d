import { FACT_NAME, FACT_SOURCE } from '@titletrack/shared/domain';
import type { Application } from '@titletrack/shared/domain';

import * as applicationToDomain from '../../src/modules/application/application-to-domain.mapper';
import { ApplicationRepository } from '../../src/modules/application/application.repository';
import { BindingRepository } from '../../src/modules/binding/binding.repository';
import { CertificateRepository } from '../../src/modules/certificate/certificate.repository';
import { FACT_SUBJECT_KIND } from '../../src/modules/fact-store/fact.entity';
import { FactRepository } from '../../src/modules/fact-store/fact.repository';
import { MirrorRepository } from '../../src/modules/mirror/mirror.repository';
import { MirrorService } from '../../src/modules/mirror/mirror.service';
import { ProgressRepository } from '../../src/modules/progress/progress.repository';
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

  it('reads the parts of the progress screen in one statement exactly as their own repositories read them', async () => {
    const history = mirrored('PARTS', 'submitted', '2023-07-20T03:00:00Z');
    const other = mirrored('PARTS-OTHER', 'submitted', '2023-07-20T03:00:00Z');
    const mirror = t.app.get(MirrorService);
    const steps: Array<[MirroredApplication['status'], string, MirroredCertificate?]> = [
      ['materials_received', '2023-08-01T03:00:00Z'],
      ['returned', '2023-08-10T03:00:00Z'],
      ['materials_received', '2023-08-12T03:00:00Z'],
      [
        'certificate_issued',
        '2023-12-05T02:00:00Z',
        { ...certificate, certificateNo: `HTZC-PARTS-${run}` },
      ],
    ];
    await mirror.apply(
      [
        { ref: 'row 1', application: history },
        { ref: 'row 2', application: other },
      ],
      CHANGE_SOURCE.WEBHOOK,
      `parts-${run}`,
    );
    for (const [index, [status, at, issued]] of steps.entries()) {
      const next = { ...history, status, statusChangedAt: new Date(at) };
      await mirror.apply(
        [{ ref: 'row 1', application: issued ? { ...next, certificate: issued } : next }],
        CHANGE_SOURCE.WEBHOOK,
        `parts-${run}-${index}`,
      );
    }
    const applications = t.app.get(ApplicationRepository);
    const stored = await applications.getByApplicationNo(history.applicationNo);
    const otherStored = await applications.getByApplicationNo(other.applicationNo);
    if (!stored || !otherStored) throw new Error('not mirrored');
    const bindings = t.app.get(BindingRepository);
    const owner = await t.api.post('/api/auth/dev').send({ devUserId: `parts-${run}` });
    const stranger = await t.api.post('/api/auth/dev').send({ devUserId: `parts-x-${run}` });
    await bindings.createIfFree(Number(owner.body.principal.id), stored.id);
    await bindings.createIfFree(Number(stranger.body.principal.id), otherStored.id);
    const facts = t.app.get(FactRepository);
    const at = new Date('2023-08-02T05:06:07Z');
    const isTrue = JSON.stringify(true);
    await facts.write(
      { kind: FACT_SUBJECT_KIND.APPLICATION, id: stored.id },
      FACT_SOURCE.OFFICE,
      [{ name: FACT_NAME.CONTINUING_EDUCATION_EXEMPT, value: isTrue }],
      at,
      null,
    );
    await facts.write(
      { kind: FACT_SUBJECT_KIND.APPLICANT, id: Number(owner.body.principal.id) },
      FACT_SOURCE.DECLARED,
      [
        { name: FACT_NAME.FIRST_APPLICATION, value: isTrue },
        { name: FACT_NAME.EMPLOYER_KIND, value: JSON.stringify('public') },
      ],
      at,
      null,
    );
    // Another applicant's declarations and another application's office facts stay out.
    await facts.write(
      { kind: FACT_SUBJECT_KIND.APPLICANT, id: Number(stranger.body.principal.id) },
      FACT_SOURCE.DECLARED,
      [{ name: FACT_NAME.FIRST_APPLICATION, value: JSON.stringify(false) }],
      at,
      null,
    );
    await facts.write(
      { kind: FACT_SUBJECT_KIND.APPLICATION, id: otherStored.id },
      FACT_SOURCE.OFFICE,
      [{ name: FACT_NAME.CONTINUING_EDUCATION_EXEMPT, value: JSON.stringify(false) }],
      at,
      null,
    );

    const parts = await t.app.get(ProgressRepository).getParts(stored.id);
    const ownHistory = await t.app.get(MirrorRepository).getHistory(stored.id);
    const issueDates = await t.app
      .get(CertificateRepository)
      .getIssueDatesByApplicationIds([stored.id]);
    const ownFacts = (await facts.getByApplications([stored.id])).get(stored.id);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

    expect(parts.history.length).toBeGreaterThanOrEqual(3);
    const times = parts.history.map((step) => step.changedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(parts.history).toEqual(
      ownHistory.map(({ toStatus, changedAt }) => ({ toStatus, changedAt })),
    );
    expect(parts.certificateIssuedOn).toBe('2023-12-04');
    expect(parts.certificateIssuedOn).toBe(issueDates.get(stored.id));
    expect(parts.facts.office).toEqual(ownFacts?.office);
    expect([...parts.facts.declared].sort(byName)).toEqual(
      [...(ownFacts?.declared ?? [])].sort(byName),
    );
    expect(parts.facts.declared.map((fact) => fact.value).sort()).toEqual(['"public"', 'true']);
    expect(parts.facts.office).toEqual([
      expect.objectContaining({ value: 'true', recordedAt: at }),
    ]);
  });
});
