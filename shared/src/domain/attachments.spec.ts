import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import {
  attachmentChecklist,
  blindReviewSteps,
  checklistItemKey,
  continuingEducationCertificates,
  educationProofAttachments,
  otherAttachments,
} from './attachments';
import type { ContinuingEducationCertificateInput } from './attachments';

const kinds = (items: { kind: string }[]) => items.map((i) => i.kind);

describe('R5 educationProofAttachments', () => {
  it('R5 asks for the degree certificates and the CHSI record', () => {
    expect(kinds(educationProofAttachments(true, HOTAN_2023_RULES))).toEqual([
      'degree_certificates',
      'chsi_record',
    ]);
  });

  it('R5 falls back to the 毕业生登记表 when the CHSI has no record', () => {
    expect(kinds(educationProofAttachments(false, HOTAN_2023_RULES))).toEqual([
      'degree_certificates',
      'graduate_registration_form',
    ]);
  });

  it('R5 names its rule and section on every item', () => {
    for (const item of educationProofAttachments(true, HOTAN_2023_RULES)) {
      expect(item).toMatchObject({
        ruleId: 'R5',
        section: '四(一)2',
        source: 'upload',
        year: null,
      });
    }
  });
});

describe('R6 otherAttachments', () => {
  const base = [
    'unit_publicity',
    'unit_publicity_result',
    'recommendation_report',
    'personal_commitment',
  ];

  it.each([
    'technical_school_teachers',
    'education',
    'secondary_vocational_teachers',
    'health',
  ] as const)(
    'R6 series %s also uploads the wage file and the post-grade change form',
    (series) => {
      expect(kinds(otherAttachments(series, HOTAN_2023_RULES))).toEqual([
        ...base,
        'wage_file',
        'post_grade_change_form',
      ]);
    },
  );

  it.each(['engineering', 'agriculture', 'art'] as const)('R6 series %s does not', (series) => {
    expect(kinds(otherAttachments(series, HOTAN_2023_RULES))).toEqual(base);
  });
});

describe('R7 blindReviewSteps', () => {
  it('R7 masks own name, photo and employer and ticks the masked items', () => {
    expect(blindReviewSteps(false)).toEqual([
      'tick_masked_items',
      'mask_name',
      'mask_photo',
      'mask_employer',
    ]);
  });

  it('R7 declassifies classified material first', () => {
    expect(blindReviewSteps(true)).toContain('declassify');
  });
});

describe('R8 continuingEducationCertificates', () => {
  const input = (
    overrides: Partial<ContinuingEducationCertificateInput> = {},
  ): ContinuingEducationCertificateInput => ({
    year: 2023,
    employerKind: 'public_institution',
    isFirstApplication: false,
    isExempt: false,
    ...overrides,
  });
  const summary = (items: ReturnType<typeof continuingEducationCertificates>) =>
    items.map((i) => `${i.year ?? '-'} ${i.kind} ${i.source}`);

  it('R8 asks for 2021, 2022 and 2023, with only the 2021 public course uploaded by hand', () => {
    expect(summary(continuingEducationCertificates(input(), HOTAN_2023_RULES))).toEqual([
      '2021 ce_professional_certificate system',
      '2021 ce_public_certificate upload',
      '2022 ce_professional_certificate system',
      '2022 ce_public_certificate system',
      '2023 ce_professional_certificate system',
      '2023 ce_public_certificate system',
    ]);
  });

  it('R8 an exempt applicant uploads the exemption form instead', () => {
    expect(
      summary(continuingEducationCertificates(input({ isExempt: true }), HOTAN_2023_RULES)),
    ).toEqual(['- ce_exemption_form upload']);
  });

  it('R8 with R13: a private-enterprise applicant gives only 2022 and 2023, a first-timer none', () => {
    expect(
      summary(
        continuingEducationCertificates(
          input({ employerKind: 'private_enterprise' }),
          HOTAN_2023_RULES,
        ),
      ),
    ).toEqual([
      '2022 ce_professional_certificate system',
      '2022 ce_public_certificate system',
      '2023 ce_professional_certificate system',
      '2023 ce_public_certificate system',
    ]);
    expect(
      continuingEducationCertificates(
        input({ employerKind: 'private_enterprise', isFirstApplication: true }),
        HOTAN_2023_RULES,
      ),
    ).toEqual([]);
  });
});

describe('R5–R8 attachmentChecklist', () => {
  it('R5 R6 R7 R8 puts the whole list together for an education-series teacher', () => {
    const checklist = attachmentChecklist(
      {
        year: 2023,
        series: 'education',
        hasChsiRecord: true,
        hasClassifiedMaterial: false,
        employerKind: 'public_institution',
        isFirstApplication: false,
        isExempt: false,
      },
      HOTAN_2023_RULES,
    );
    expect(checklist.attachments).toHaveLength(14);
    expect(new Set(checklist.attachments.map((i) => i.ruleId))).toEqual(
      new Set(['R5', 'R6', 'R8']),
    );
    expect(checklist.blindReview).toHaveLength(4);
  });

  describe('item keys', () => {
    const checklistFor = (
      overrides: Partial<Parameters<typeof attachmentChecklist>[0]> = {},
      rules = HOTAN_2023_RULES,
    ) =>
      attachmentChecklist(
        {
          year: 2023,
          series: 'education',
          hasChsiRecord: true,
          hasClassifiedMaterial: false,
          employerKind: 'public_institution',
          isFirstApplication: false,
          isExempt: false,
          ...overrides,
        },
        rules,
      ).attachments.map((i) => i.key);

    it('gives every item its kind as key, with the year for a yearly certificate', () => {
      expect(checklistFor()).toEqual([
        'degree_certificates',
        'chsi_record',
        'unit_publicity',
        'unit_publicity_result',
        'recommendation_report',
        'personal_commitment',
        'wage_file',
        'post_grade_change_form',
        'ce_professional_certificate:2021',
        'ce_public_certificate:2021',
        'ce_professional_certificate:2022',
        'ce_public_certificate:2022',
        'ce_professional_certificate:2023',
        'ce_public_certificate:2023',
      ]);
      expect(checklistItemKey('ce_exemption_form', null)).toBe('ce_exemption_form');
    });

    it.each([
      ['a teacher', {}],
      ['an engineer without a CHSI record', { series: 'engineering', hasChsiRecord: false }],
      ['an exempt applicant', { isExempt: true }],
      ['a private-enterprise applicant', { employerKind: 'private_enterprise' }],
    ] as const)('keys are unique for %s', (_, overrides) => {
      const keys = checklistFor(overrides);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('keeps an item’s key whatever else is on the list or however the rules word it', () => {
      // Stored ticks must still find their item when the series adds items or sections move.
      const renumbered = {
        ...HOTAN_2023_RULES,
        sections: { ...HOTAN_2023_RULES.sections, R6: '四(一)9', R8: '四(一)7' },
      };
      const teacher = checklistFor();
      const engineer = checklistFor({ series: 'engineering' });
      expect(engineer.every((key) => teacher.includes(key))).toBe(true);
      expect(checklistFor({}, renumbered)).toEqual(teacher);
      expect(checklistFor()).toEqual(teacher);
    });
  });
});
