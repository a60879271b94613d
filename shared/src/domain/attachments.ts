import type { NoticeRules } from '../calendar/notice-rules.type';
import type { EmployerKind, RuleId, TitleSeries } from './application.type';
import { continuingEducationYears } from './continuing-education';

// R5–R8 (§四(一)2–5): what an applicant uploads, and the blind-review masking.

export const ATTACHMENT_KIND = {
  DEGREE_CERTIFICATES: 'degree_certificates',
  CHSI_RECORD: 'chsi_record',
  GRADUATE_REGISTRATION_FORM: 'graduate_registration_form',
  UNIT_PUBLICITY: 'unit_publicity',
  UNIT_PUBLICITY_RESULT: 'unit_publicity_result',
  RECOMMENDATION_REPORT: 'recommendation_report',
  PERSONAL_COMMITMENT: 'personal_commitment',
  WAGE_FILE: 'wage_file',
  POST_GRADE_CHANGE_FORM: 'post_grade_change_form',
  CE_PROFESSIONAL_CERTIFICATE: 'ce_professional_certificate',
  CE_PUBLIC_CERTIFICATE: 'ce_public_certificate',
  CE_EXEMPTION_FORM: 'ce_exemption_form',
} as const;
export type AttachmentKind = (typeof ATTACHMENT_KIND)[keyof typeof ATTACHMENT_KIND];

export const ATTACHMENT_KIND_LABEL: Readonly<Record<AttachmentKind, string>> = {
  degree_certificates: '学历学位证书',
  chsi_record: '学信网《学历证书电子注册备案表》或《学籍在线验证报告》',
  graduate_registration_form: '人事档案中的“毕业生登记表”',
  unit_publicity: '单位公示',
  unit_publicity_result: '公示结果',
  recommendation_report: '推荐报告',
  personal_commitment: '个人承诺书',
  wage_file: '工资档案（原件扫描件）',
  post_grade_change_form: '岗位等级变动登记表（原件扫描件）',
  ce_professional_certificate: '继续教育专业课培训合格证书',
  ce_public_certificate: '继续教育公需课培训合格证书',
  ce_exemption_form: '免学审批表',
};

// Where a certificate comes from: the applicant scans and uploads it, or the system supplies it.
export const ATTACHMENT_SOURCE = { UPLOAD: 'upload', SYSTEM: 'system' } as const;
export type AttachmentSource = (typeof ATTACHMENT_SOURCE)[keyof typeof ATTACHMENT_SOURCE];

export interface ChecklistItem {
  // Stable across calls and notice years: the kind, and the year for a yearly certificate
  // ('ce_public_certificate:2021'). The server stores the applicant's ticks under it.
  key: string;
  kind: AttachmentKind;
  ruleId: RuleId;
  section: string;
  source: AttachmentSource;
  year: number | null; // the certificate year, for continuing-education certificates
}

/**
 * The key a checklist item is stored under: its kind, with the certificate year when it has one.
 *
 * @param kind - the attachment kind
 * @param year - the certificate year, or null
 * @example
 * checklistItemKey('ce_public_certificate', 2021) // 'ce_public_certificate:2021'
 */
export function checklistItemKey(kind: AttachmentKind, year: number | null): string {
  return year === null ? kind : `${kind}:${year}`;
}

const item = (
  kind: AttachmentKind,
  ruleId: RuleId,
  rules: NoticeRules,
  source: AttachmentSource = ATTACHMENT_SOURCE.UPLOAD,
  year: number | null = null,
): ChecklistItem => ({
  key: checklistItemKey(kind, year),
  kind,
  ruleId,
  section: rules.sections[ruleId],
  source,
  year,
});

/**
 * R5: the education proof: the degree certificates and the CHSI record, or, when the CHSI has
 * no record, the graduate registration form from the personnel file.
 *
 * @param hasChsiRecord - whether the CHSI (学信网) can produce the record
 * @param rules - the year's rules
 * @example
 * educationProofAttachments(false, HOTAN_2023_RULES).map((i) => i.kind) // ['degree_certificates', 'graduate_registration_form']
 */
export function educationProofAttachments(
  hasChsiRecord: boolean,
  rules: NoticeRules,
): ChecklistItem[] {
  return [
    item(ATTACHMENT_KIND.DEGREE_CERTIFICATES, 'R5', rules),
    item(
      hasChsiRecord ? ATTACHMENT_KIND.CHSI_RECORD : ATTACHMENT_KIND.GRADUATE_REGISTRATION_FORM,
      'R5',
      rules,
    ),
  ];
}

/**
 * R6: the other attachments; some series also upload the wage file and the post-grade change form.
 *
 * @param series - the series applied in
 * @param rules - the year's rules (which series need the wage file)
 * @example
 * otherAttachments('health', HOTAN_2023_RULES).length // 6
 */
export function otherAttachments(series: TitleSeries, rules: NoticeRules): ChecklistItem[] {
  const items = [
    item(ATTACHMENT_KIND.UNIT_PUBLICITY, 'R6', rules),
    item(ATTACHMENT_KIND.UNIT_PUBLICITY_RESULT, 'R6', rules),
    item(ATTACHMENT_KIND.RECOMMENDATION_REPORT, 'R6', rules),
    item(ATTACHMENT_KIND.PERSONAL_COMMITMENT, 'R6', rules),
  ];
  if (rules.attachments.wageFileSeries.includes(series)) {
    items.push(item(ATTACHMENT_KIND.WAGE_FILE, 'R6', rules));
    items.push(item(ATTACHMENT_KIND.POST_GRADE_CHANGE_FORM, 'R6', rules));
  }
  return items;
}

export const BLIND_REVIEW_STEP = {
  TICK_MASKED_ITEMS: 'tick_masked_items',
  MASK_NAME: 'mask_name',
  MASK_PHOTO: 'mask_photo',
  MASK_EMPLOYER: 'mask_employer',
  DECLASSIFY: 'declassify',
} as const;
export type BlindReviewStep = (typeof BLIND_REVIEW_STEP)[keyof typeof BLIND_REVIEW_STEP];

export const BLIND_REVIEW_STEP_LABEL: Readonly<Record<BlindReviewStep, string>> = {
  tick_masked_items: '按系统提示勾选遮盖项目',
  mask_name: '在附件中遮盖本人姓名',
  mask_photo: '在附件中遮盖本人照片',
  mask_employer: '在附件中遮盖工作单位',
  declassify: '涉密材料经脱密处理后上传',
};

/**
 * R7: the blind-review steps: tick the masked items, mask own name, photo and employer in the
 * attachments, and declassify classified material first.
 *
 * @param hasClassifiedMaterial - whether any attachment is classified
 * @example
 * blindReviewSteps(false) // ['tick_masked_items', 'mask_name', 'mask_photo', 'mask_employer']
 */
export function blindReviewSteps(hasClassifiedMaterial: boolean): BlindReviewStep[] {
  const steps: BlindReviewStep[] = [
    BLIND_REVIEW_STEP.TICK_MASKED_ITEMS,
    BLIND_REVIEW_STEP.MASK_NAME,
    BLIND_REVIEW_STEP.MASK_PHOTO,
    BLIND_REVIEW_STEP.MASK_EMPLOYER,
  ];
  if (hasClassifiedMaterial) steps.push(BLIND_REVIEW_STEP.DECLASSIFY);
  return steps;
}

export interface ContinuingEducationCertificateInput {
  year: number;
  employerKind: EmployerKind;
  isFirstApplication: boolean;
  isExempt: boolean;
}

/**
 * R8: the continuing-education certificates to provide, by year and source: professional
 * certificates from 2021 and public-course ones from 2022 come from the system, older ones
 * (the 2021 public course) are uploaded by hand; exempt applicants upload the exemption form.
 * The years follow R13 (private-enterprise applicants need fewer or none).
 *
 * @param input - application year, employer kind, first application or not, exemption
 * @param rules - the year's rules
 * @example
 * continuingEducationCertificates({ year: 2023, employerKind: 'public_institution', isFirstApplication: false, isExempt: false }, HOTAN_2023_RULES)
 *   .filter((i) => i.source === 'upload') // [{ kind: 'ce_public_certificate', year: 2021, … }]
 */
export function continuingEducationCertificates(
  input: ContinuingEducationCertificateInput,
  rules: NoticeRules,
): ChecklistItem[] {
  if (input.isExempt) return [item(ATTACHMENT_KIND.CE_EXEMPTION_FORM, 'R8', rules)];
  const ce = rules.continuingEducation;
  const items: ChecklistItem[] = [];
  for (const year of continuingEducationYears(input, rules)) {
    const professionalSource =
      year >= ce.systemProfessionalFromYear ? ATTACHMENT_SOURCE.SYSTEM : ATTACHMENT_SOURCE.UPLOAD;
    const publicSource =
      year >= ce.systemPublicFromYear ? ATTACHMENT_SOURCE.SYSTEM : ATTACHMENT_SOURCE.UPLOAD;
    items.push(
      item(ATTACHMENT_KIND.CE_PROFESSIONAL_CERTIFICATE, 'R8', rules, professionalSource, year),
      item(ATTACHMENT_KIND.CE_PUBLIC_CERTIFICATE, 'R8', rules, publicSource, year),
    );
  }
  return items;
}

export interface AttachmentChecklistInput extends ContinuingEducationCertificateInput {
  series: TitleSeries;
  hasChsiRecord: boolean;
  hasClassifiedMaterial: boolean;
}

export interface AttachmentChecklist {
  attachments: ChecklistItem[];
  blindReview: BlindReviewStep[];
}

/**
 * R5–R8: the whole attachment checklist for an applicant.
 *
 * @param input - series, education record, classified material and continuing-education profile
 * @param rules - the year's rules
 * @example
 * attachmentChecklist({ year: 2023, series: 'education', hasChsiRecord: true, hasClassifiedMaterial: false,
 *   employerKind: 'public_institution', isFirstApplication: false, isExempt: false }, HOTAN_2023_RULES).attachments.length // 14
 */
export function attachmentChecklist(
  input: AttachmentChecklistInput,
  rules: NoticeRules,
): AttachmentChecklist {
  return {
    attachments: [
      ...educationProofAttachments(input.hasChsiRecord, rules),
      ...otherAttachments(input.series, rules),
      ...continuingEducationCertificates(input, rules),
    ],
    blindReview: blindReviewSteps(input.hasClassifiedMaterial),
  };
}
