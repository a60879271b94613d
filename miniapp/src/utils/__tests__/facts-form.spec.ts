import type { ApplicantFacts } from '@titletrack/shared/domain';

import { declarationFromForm, formFromFacts, isEditable } from '../facts-form';
import type { FactsForm, FactsFormField } from '../facts-form';

const AT = '2026-11-01T02:00:00Z';
const FACTS: ApplicantFacts = {
  continuingEducation: {
    value: [{ year: 2022, totalHours: 80, professionalHours: 50 }],
    source: 'declared',
    recordedAt: AT,
  },
  employerKind: { value: 'public_institution', source: 'platform', recordedAt: AT },
};

const changed = (...names: FactsFormField[]): Set<FactsFormField> => new Set(names);

describe('formFromFacts', () => {
  it('should give one row per counting year, splitting known hours into public and professional', () => {
    const form = formFromFacts(FACTS, [2020, 2021, 2022]);
    expect(form.continuingEducation).toEqual([
      { year: 2020, publicHours: '', professionalHours: '' },
      { year: 2021, publicHours: '', professionalHours: '' },
      { year: 2022, publicHours: '30', professionalHours: '50' },
    ]);
    expect(form.employerKind).toBe('public_institution');
    expect(form.isFirstApplication).toBeNull();
  });

  it('should keep a declared year the notice does not count', () => {
    const form = formFromFacts(FACTS, [2023]);
    expect(form.continuingEducation.map((row) => row.year)).toEqual([2022, 2023]);
  });
});

describe('isEditable', () => {
  it('should let the applicant change an unknown or declared fact only', () => {
    expect(isEditable(FACTS, 'continuingEducation')).toBe(true);
    expect(isEditable(FACTS, 'isFirstApplication')).toBe(true);
    expect(isEditable(FACTS, 'employerKind')).toBe(false);
  });
});

describe('declarationFromForm', () => {
  const form = (patch: Partial<FactsForm> = {}): FactsForm => ({
    ...formFromFacts(FACTS, [2021, 2022]),
    ...patch,
  });

  it('should add public and professional hours into the total, skipping empty years', () => {
    const result = declarationFromForm(
      form({
        continuingEducation: [
          { year: 2021, publicHours: '', professionalHours: '' },
          { year: 2022, publicHours: '30', professionalHours: '60' },
        ],
      }),
      changed('continuingEducation'),
    );
    expect(result).toEqual({
      isValid: true,
      request: { continuingEducation: [{ year: 2022, totalHours: 90, professionalHours: 60 }] },
    });
  });

  it('should send only the facts that were changed', () => {
    const result = declarationFromForm(
      form({ isFirstApplication: false }),
      changed('isFirstApplication'),
    );
    expect(result).toEqual({ isValid: true, request: { isFirstApplication: false } });
  });

  it('should withdraw the hours when every year is emptied', () => {
    const result = declarationFromForm(
      form({
        continuingEducation: [
          { year: 2021, publicHours: '', professionalHours: '' },
          { year: 2022, publicHours: ' ', professionalHours: '' },
        ],
      }),
      changed('continuingEducation'),
    );
    expect(result).toEqual({ isValid: true, request: { continuingEducation: null } });
  });

  it('should refuse hours that are not whole numbers or exceed 1000, naming the field', () => {
    const result = declarationFromForm(
      form({
        continuingEducation: [
          { year: 2021, publicHours: '12.5', professionalHours: '' },
          { year: 2022, publicHours: '', professionalHours: '1001' },
        ],
      }),
      changed('continuingEducation'),
    );
    expect(result).toEqual({
      isValid: false,
      errors: {
        'continuingEducation.2021.public': 'hoursNotANumber',
        'continuingEducation.2022.professional': 'hoursOutOfRange',
      },
    });
  });

  it('should refuse a total over 1000 even when each part is within it', () => {
    const result = declarationFromForm(
      form({
        continuingEducation: [{ year: 2022, publicHours: '600', professionalHours: '600' }],
      }),
      changed('continuingEducation'),
    );
    expect(result.isValid).toBe(false);
  });

  it('should refuse an impossible certificate date and a service year out of range', () => {
    const result = declarationFromForm(
      form({
        skilledWorkerCertificate: {
          certificate: 'technician',
          obtainedOn: '2019-02-30',
          yearsOfSkilledWork: 3,
        },
        grassrootsService: [{ year: 1999, service: 'fang_hui_ju', rating: 'excellent' }],
      }),
      changed('skilledWorkerCertificate', 'grassrootsService'),
    );
    expect(result).toEqual({
      isValid: false,
      errors: {
        'skilledWorkerCertificate.obtainedOn': 'dateInvalid',
        'grassrootsService.0': 'yearOutOfRange',
      },
    });
  });

  it('should not mutate the form', () => {
    const before = form();
    const copy = JSON.parse(JSON.stringify(before)) as FactsForm;
    declarationFromForm(before, changed('continuingEducation', 'employerKind'));
    expect(before).toEqual(copy);
  });
});
