import { buildApplicationEntity } from '../../../test/factories/application.factory';
import { toDomainApplication } from './application-to-domain.mapper';

describe(toDomainApplication.name, () => {
  it('reads the mirrored columns as the shared Application, with its id as a string', () => {
    const application = toDomainApplication(
      buildApplicationEntity({
        status: 'materials_received',
        submissionCount: 2,
        isFeePaid: false,
      }),
    );
    expect(application).toMatchObject({
      id: '7',
      year: 2023,
      route: 'prefecture_directed',
      level: 'intermediate',
      series: 'engineering',
      specialty: '土木工程',
      status: 'materials_received',
      statusChangedAt: '2023-08-20T02:00:00.000Z',
      submissionCount: 2,
      feePaid: false,
    });
  });

  describe('submission count', () => {
    it("takes the mirror's count when a source gave one", () => {
      expect(
        toDomainApplication(buildApplicationEntity({ submissionCount: 2 })).submissionCount,
      ).toBe(2);
      expect(
        toDomainApplication(
          buildApplicationEntity({ status: 'authority_review', submissionCount: 0 }),
        ).submissionCount,
      ).toBe(0);
    });

    it('reads an unknown count as the one submission the status proves, from submitted on', () => {
      const countAt = (status: string): number =>
        toDomainApplication(buildApplicationEntity({ status, submissionCount: null }))
          .submissionCount;
      expect(countAt('registered')).toBe(0);
      expect(countAt('drafting')).toBe(0);
      expect(countAt('submitted')).toBe(1);
      expect(countAt('returned')).toBe(1);
      expect(countAt('certificate_issued')).toBe(1);
    });

    it('reads an unknown count as none for the exits, which have no place in the order', () => {
      expect(
        toDomainApplication(buildApplicationEntity({ status: 'withdrawn', submissionCount: null }))
          .submissionCount,
      ).toBe(0);
    });
  });

  describe('fee paid', () => {
    it("takes the mirror's flag when a source gave one, whatever the status", () => {
      expect(
        toDomainApplication(
          buildApplicationEntity({ status: 'materials_received', isFeePaid: true }),
        ).feePaid,
      ).toBe(true);
      expect(
        toDomainApplication(
          buildApplicationEntity({ status: 'paper_materials_received', isFeePaid: false }),
        ).feePaid,
      ).toBe(false);
    });

    it('reads an unknown fee as paid from fee_paid onwards, and unpaid before it and for the exits', () => {
      const paidAt = (status: string): boolean =>
        toDomainApplication(buildApplicationEntity({ status, isFeePaid: null })).feePaid;
      expect(paidAt('materials_received')).toBe(false);
      expect(paidAt('fee_paid')).toBe(true);
      expect(paidAt('paper_materials_received')).toBe(true);
      expect(paidAt('not_accepted')).toBe(false);
      expect(paidAt('not_passed')).toBe(false);
    });
  });

  describe('return time', () => {
    it('is the status time while the application is returned', () => {
      expect(toDomainApplication(buildApplicationEntity({ status: 'returned' })).returnedAt).toBe(
        '2023-08-20T02:00:00.000Z',
      );
    });

    it('is unknown once the application has moved on', () => {
      expect(
        toDomainApplication(buildApplicationEntity({ status: 'authority_review' })).returnedAt,
      ).toBeNull();
    });
  });

  describe('qualification document day', () => {
    it('is the Beijing day of the status time while the document is the latest news', () => {
      const application = toDomainApplication(
        buildApplicationEntity({
          status: 'qualification_document_issued',
          statusChangedAt: new Date('2023-11-27T17:00:00Z'),
        }),
      );
      expect(application.qualificationDocumentIssuedOn).toBe('2023-11-28');
    });

    it('is unknown in any other status', () => {
      expect(
        toDomainApplication(buildApplicationEntity({ status: 'post_filed' }))
          .qualificationDocumentIssuedOn,
      ).toBeNull();
    });
  });

  describe('certificate date', () => {
    it("is the e-certificate's issue date as printed, once one is on record", () => {
      const row = buildApplicationEntity({
        status: 'certificate_issued',
        statusChangedAt: new Date('2023-12-18T03:00:00Z'),
      });
      expect(
        toDomainApplication(row, { certificateIssuedOn: '2023-12-15' }).certificateIssuedAt,
      ).toBe('2023-12-15');
    });

    it('is unknown while no certificate is on record, even when the status says it was issued', () => {
      const row = buildApplicationEntity({ status: 'certificate_issued' });
      expect(toDomainApplication(row).certificateIssuedAt).toBeNull();
      expect(
        toDomainApplication(row, { certificateIssuedOn: null }).certificateIssuedAt,
      ).toBeNull();
    });
  });

  it('reads what the mirror does not carry as unknown or the neutral default', () => {
    expect(toDomainApplication(buildApplicationEntity())).toMatchObject({
      defence: { scheduledAt: null, serviceInApplicationYear: null },
      employerKind: 'public_institution',
      isFirstApplication: false,
      isContinuingEducationExempt: false,
      continuingEducation: null,
      employerPublicity: null,
      evaluationMeetingOn: null,
      publicity: null,
    });
  });

  it('reads values outside the closed sets, which no source can store, as the defaults', () => {
    const application = toDomainApplication(
      buildApplicationEntity({ status: 'archived', route: 'x', level: 'y', series: 'z' }),
    );
    expect(application).toMatchObject({
      status: 'registered',
      route: 'prefecture_directed',
      level: 'intermediate',
      series: 'other',
    });
  });

  it('reads the same Application from a full entity and from the planner’s few columns', () => {
    const entity = buildApplicationEntity({
      status: 'fee_paid',
      submissionCount: null,
      isFeePaid: null,
    });
    const {
      id,
      regionCode,
      year,
      route,
      level,
      series,
      specialty,
      status,
      statusChangedAt,
      submissionCount,
      isFeePaid,
    } = entity;
    const columns = {
      id,
      regionCode,
      year,
      route,
      level,
      series,
      specialty,
      status,
      statusChangedAt,
      submissionCount,
      isFeePaid,
    };
    expect(toDomainApplication(columns, { certificateIssuedOn: null })).toEqual(
      toDomainApplication(entity),
    );
  });

  it('does not mutate the row', () => {
    const row = buildApplicationEntity();
    const before = structuredClone(row);
    toDomainApplication(row, { certificateIssuedOn: '2023-12-15' });
    expect(row).toEqual(before);
  });
});

describe('toDomainApplication with the person’s facts', () => {
  const declared = <T>(value: T) => ({
    value,
    source: 'declared' as const,
    recordedAt: '2023-08-01T02:00:00.000Z',
  });

  it('reads the neutral defaults when no fact is known', () => {
    const application = toDomainApplication(buildApplicationEntity(), { facts: {} });
    expect(application).toMatchObject({
      continuingEducation: null,
      isContinuingEducationExempt: false,
      employerKind: 'public_institution',
      isFirstApplication: false,
      defence: { scheduledAt: null, serviceInApplicationYear: null },
    });
  });

  it('lays the known facts over the mirrored row', () => {
    const hours = [{ year: 2023, totalHours: 80, professionalHours: 60 }];
    const application = toDomainApplication(buildApplicationEntity(), {
      facts: {
        continuingEducation: declared(hours),
        employerKind: declared('private_enterprise' as const),
        isFirstApplication: declared(true),
        defenceScheduledAt: declared('2023-10-20T02:00:00.000Z'),
        grassrootsService: declared([
          { year: 2023, service: 'fang_hui_ju' as const, rating: 'excellent' as const },
        ]),
      },
    });
    expect(application).toMatchObject({
      continuingEducation: hours,
      employerKind: 'private_enterprise',
      isFirstApplication: true,
      defence: { scheduledAt: '2023-10-20T02:00:00.000Z', serviceInApplicationYear: 'fang_hui_ju' },
      // The mirrored columns stay the row's.
      status: 'returned',
      id: '7',
    });
  });
});
