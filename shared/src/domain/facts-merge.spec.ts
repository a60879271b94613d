import type { ApplicantFacts, FactSource, SourcedFact } from './applicant-facts';
import { buildApplication } from './application.fixture';
import { applyFacts, mergeFactSources } from './facts-merge';

const fact = <T>(value: T, source: FactSource, recordedAt: string): SourcedFact<T> => ({
  value,
  source,
  recordedAt,
});

describe('mergeFactSources', () => {
  const declared: ApplicantFacts = {
    isFirstApplication: fact(true, 'declared', '2023-07-21T02:00:00Z'),
    employerKind: fact('private_enterprise', 'declared', '2023-07-21T02:00:00Z'),
    routeThisYear: fact('prefecture_directed', 'declared', '2023-07-21T02:00:00Z'),
  };
  const platform: ApplicantFacts = {
    employerKind: fact('state_enterprise', 'platform', '2023-07-25T02:00:00Z'),
    isFirstApplication: fact(false, 'platform', '2023-07-25T02:00:00Z'),
  };
  const office: ApplicantFacts = {
    isFirstApplication: fact(true, 'office', '2023-08-01T02:00:00Z'),
  };

  it('takes the office over the platform over the declaration, fact by fact, with each one’s source and date', () => {
    expect(mergeFactSources({ declared, platform, office })).toEqual({
      isFirstApplication: fact(true, 'office', '2023-08-01T02:00:00Z'),
      employerKind: fact('state_enterprise', 'platform', '2023-07-25T02:00:00Z'),
      routeThisYear: fact('prefecture_directed', 'declared', '2023-07-21T02:00:00Z'),
    });
  });

  it('keeps a declaration when no other source states the fact', () => {
    expect(mergeFactSources({ declared })).toEqual(declared);
    expect(mergeFactSources({ declared, office: {} }).employerKind?.source).toBe('declared');
  });

  it('leaves a fact nobody stated absent, never guessed', () => {
    const merged = mergeFactSources({ platform });
    expect(Object.keys(merged).sort()).toEqual(['employerKind', 'isFirstApplication']);
    expect(mergeFactSources({})).toEqual({});
  });

  it('keeps a stated "none" (a null certificate) over a lower source', () => {
    const merged = mergeFactSources({
      declared: {
        skilledWorkerCertificate: fact(
          { certificate: 'technician', obtainedOn: '2019-06-01', yearsOfSkilledWork: 4 },
          'declared',
          '2023-07-21T02:00:00Z',
        ),
      },
      office: { skilledWorkerCertificate: fact(null, 'office', '2023-08-01T02:00:00Z') },
    });
    expect(merged.skilledWorkerCertificate).toEqual(fact(null, 'office', '2023-08-01T02:00:00Z'));
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify({ declared, platform, office });
    mergeFactSources({ declared, platform, office });
    expect(JSON.stringify({ declared, platform, office })).toBe(before);
  });
});

describe('applyFacts', () => {
  const at = '2023-08-01T02:00:00Z';

  it('R13 R8 lays the hours, the exemption, the employer kind and first application over the application', () => {
    // R13 (§四(六)): "对首次申报职称的民营企业专业技术人员继续教育学时不作要求"
    const app = applyFacts(buildApplication(), {
      continuingEducation: fact(
        [{ year: 2023, totalHours: 90, professionalHours: 60 }],
        'platform',
        at,
      ),
      isContinuingEducationExempt: fact(true, 'office', at),
      employerKind: fact('private_enterprise', 'declared', at),
      isFirstApplication: fact(true, 'declared', at),
    });
    expect(app).toMatchObject({
      continuingEducation: [{ year: 2023, totalHours: 90, professionalHours: 60 }],
      isContinuingEducationExempt: true,
      employerKind: 'private_enterprise',
      isFirstApplication: true,
    });
  });

  it('R11 takes the defence time and the grassroots service of the application’s year', () => {
    // R11 (§四(四)): "参加“访惠聚”驻村……的，当年申报职称评审也可免于参加专业水平答辩"
    const app = applyFacts(buildApplication({ year: 2023 }), {
      defenceScheduledAt: fact('2023-10-08T02:00:00Z', 'office', at),
      grassrootsService: fact(
        [
          { year: 2022, service: 'village_mosque_management', rating: 'excellent' },
          { year: 2023, service: 'fang_hui_ju', rating: 'competent' },
        ],
        'declared',
        at,
      ),
    });
    expect(app.defence).toEqual({
      scheduledAt: '2023-10-08T02:00:00Z',
      serviceInApplicationYear: 'fang_hui_ju',
    });
  });

  it('R11 a known service list without the application’s year means no service that year', () => {
    const app = applyFacts(
      buildApplication({ defence: { scheduledAt: null, serviceInApplicationYear: 'fang_hui_ju' } }),
      {
        grassrootsService: fact(
          [{ year: 2021, service: 'fang_hui_ju', rating: 'excellent' }],
          'office',
          at,
        ),
      },
    );
    expect(app.defence.serviceInApplicationYear).toBeNull();
  });

  it('keeps the application’s own values for the facts not known', () => {
    const base = buildApplication({
      employerKind: 'state_enterprise',
      isFirstApplication: true,
      continuingEducation: [{ year: 2022, totalHours: 100, professionalHours: 70 }],
      defence: { scheduledAt: '2023-10-09T02:00:00Z', serviceInApplicationYear: 'fang_hui_ju' },
    });
    expect(applyFacts(base, {})).toEqual(base);
    expect(applyFacts(base, { routeThisYear: fact('region', 'declared', at) })).toEqual(base);
  });

  it('does not mutate the application or the facts', () => {
    const base = buildApplication();
    const facts: ApplicantFacts = {
      continuingEducation: fact(
        [{ year: 2023, totalHours: 10, professionalHours: 5 }],
        'declared',
        at,
      ),
    };
    const before = JSON.stringify({ base, facts });
    const app = applyFacts(base, facts);
    expect(JSON.stringify({ base, facts })).toBe(before);
    expect(app).not.toBe(base);
    expect(app.continuingEducation).not.toBe(facts.continuingEducation?.value);
  });
});
