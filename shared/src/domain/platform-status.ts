import { APPLICATION_STATUS, APPLICATION_STATUS_LABEL } from './application-status';
import type { ApplicationStatus } from './application-status';

// The official platform's status labels and the other words its exports, events and status
// queries use for the same status. The label is ours (APPLICATION_STATUS_LABEL, the platform's
// wording as staff quote it); the synonyms are the progressive forms the platform shows while a
// step is under way (单位审核中, 评审中) and the wordings staff type into hand-made sheets. No
// platform dictionary is published: a label seen in a real export and missing here is added
// here, in one place, for imports, webhooks and polls alike. Every word maps to one status only,
// and a word the platform uses at several steps (a bare 公示中, 通过, 未通过, 受理, 备案) is never
// listed: read as the wrong step, it would move an application forward past steps it has not
// taken, and the mirror would then refuse the real ones as going back.
export interface PlatformStatusLabel {
  status: ApplicationStatus;
  label: string;
  synonyms: readonly string[];
}

const S = APPLICATION_STATUS;

const SYNONYMS: Readonly<Record<ApplicationStatus, readonly string[]>> = {
  [S.REGISTERED]: ['注册'],
  [S.DRAFTING]: ['未提交', '暂存', '草稿'],
  [S.SUBMITTED]: ['提交', '已申报'],
  [S.EMPLOYER_REVIEW]: ['单位审核中', '单位审核', '待单位审核', '单位公示中', '单位公示'],
  [S.AUTHORITY_REVIEW]: ['主管部门审核中', '待主管部门审核', '人社局审核中'],
  [S.RETURNED]: ['退回', '被退回', '退回修改', '已退回修改'],
  [S.MATERIALS_RECEIVED]: ['材料已接收'],
  [S.FEE_PAID]: ['缴费成功', '缴费完成'],
  [S.PAPER_MATERIALS_RECEIVED]: ['纸质材料已接收'],
  [S.DEFENCE]: ['答辩中', '待答辩', '答辩'],
  [S.EVALUATION_MEETING]: ['评审中', '正在评审', '评审阶段'],
  [S.PUBLICITY]: ['评审结果公示中', '结果公示中'],
  [S.PASSED]: ['评审已通过'],
  [S.NOT_PASSED]: ['评审不通过'],
  [S.QUALIFICATION_DOCUMENT_ISSUED]: ['已印发任职资格文件', '已发文'],
  [S.POST_FILED]: ['事后备案'],
  [S.CERTIFICATE_ISSUED]: ['证书已签发', '已发证', '已签发电子证书'],
  [S.NOT_ACCEPTED]: ['不受理'],
  [S.WITHDRAWN]: ['撤回', '已撤销申报'],
  [S.QUALIFICATION_REVOKED]: ['取消资格', '资格已取消'],
};

export const PLATFORM_STATUS_LABELS: readonly PlatformStatusLabel[] = (
  Object.keys(APPLICATION_STATUS_LABEL) as ApplicationStatus[]
).map((status) => ({
  status,
  label: APPLICATION_STATUS_LABEL[status],
  synonyms: SYNONYMS[status],
}));

// The labels an error names when a status is unknown: the platform's own, one per status.
export const KNOWN_PLATFORM_STATUS_LABELS: readonly string[] = PLATFORM_STATUS_LABELS.map(
  (entry) => entry.label,
);

/**
 * A status text as compared: full-width forms folded to half-width (NFKC: （） → (), the
 * ideographic space → a space), every space and the brackets 【】〔〕[] removed, Latin letters in
 * lower case. So 单位审核中 , 单位 审核中 and 【单位审核中】 compare equal.
 *
 * @param text - the status as written
 * @example
 * platformStatusKey(' 评审中（正在评审） ') // '评审中(正在评审)'
 */
export function platformStatusKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s【】〔〕[\]]+/gu, '')
    .toLowerCase();
}

const STATUS_BY_KEY: ReadonlyMap<string, ApplicationStatus> = buildStatusByKey();

function buildStatusByKey(): Map<string, ApplicationStatus> {
  const byKey = new Map<string, ApplicationStatus>();
  for (const { status, label, synonyms } of PLATFORM_STATUS_LABELS) {
    // The wire value too, so a sheet or event written by TitleTrack itself reads back.
    for (const word of [status, label, ...synonyms]) byKey.set(platformStatusKey(word), status);
  }
  return byKey;
}

/**
 * Reads a status as the platform (or a hand-made sheet) writes it: its label, a synonym, or the
 * wire value, in full- or half-width forms. Null when the text names no known status.
 *
 * @param text - the status cell or field
 * @example
 * parsePlatformStatus('单位审核中') // 'employer_review'
 */
export function parsePlatformStatus(text: string): ApplicationStatus | null {
  // Most cells are a label exactly as listed: one lookup before any normalising (imports read a
  // million of them).
  return STATUS_BY_KEY.get(text) ?? STATUS_BY_KEY.get(platformStatusKey(text)) ?? null;
}
