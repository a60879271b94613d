import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

import { GRASSROOTS_SERVICE_LABEL, LEVEL_TIER_LABEL } from '@titletrack/shared/domain';
import type { AlertDataByKind, AlertKind } from '@titletrack/shared/domain';

import type { TemplateData } from '../wechat/subscribe-sender.type';

dayjs.extend(utc);

// The one mapping from an alert to the `data` of a WeChat subscribe message. Every template has
// the same keys (docs/reminders.md says which to pick in the WeChat console):
//   thing1 事项 · time2 时间 (the deadline, else when the alert was planned) · thing3 备注
//   amount4 金额 (fee alerts) · phrase5 结果 (evaluation result)
// WeChat rejects a whole message (47003) when one value breaks its rules, so every value is
// made to fit here: cut with an ellipsis, never refused.

const THING_MAX = 20;
const PHRASE_MAX = 5;
const BEIJING_OFFSET_MINUTES = 8 * 60;

const TITLE: Readonly<Record<AlertKind, string>> = {
  application_window_closing: '职称申报即将截止',
  continuing_education_short: '继续教育学时不足',
  application_returned: '申报材料被退回',
  revision_deadline_approaching: '退回修改即将截止',
  application_not_accepted: '申报不予受理',
  fee_due: '请缴纳评审费',
  fee_deadline_approaching: '评审费缴纳即将截止',
  paper_materials_due: '请报送纸质材料',
  paper_materials_deadline_approaching: '纸质材料报送即将截止',
  defence_scheduled: '答辩时间已安排',
  defence_approaching: '答辩即将开始',
  defence_exempt: '免于答辩',
  evaluation_meeting_approaching: '评审会即将召开',
  publicity_started: '评审结果公示开始',
  publicity_ending: '评审结果公示即将结束',
  evaluation_result: '评审结果已公布',
  qualification_document_issued: '任职资格文件已印发',
  certificate_ready: '电子证书已签发',
  calendar_date_changed: '评审日程有变动',
  notice_published: '年度职称评审通知已发布',
};

const DEFAULT_NOTE = '请打开职称通查看详情';

// `thing`: at most 20 characters of any kind (counted as code points, as WeChat does).
export function thing(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length === 0) return '-';
  return chars.length <= THING_MAX ? chars.join('') : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

// `phrase`: at most 5 Chinese characters and nothing else.
export function phrase(text: string): string {
  const chinese = Array.from(text).filter((c) => /\p{Script=Han}/u.test(c));
  return chinese.slice(0, PHRASE_MAX).join('') || '通知';
}

// `time`: YYYY年MM月DD日 HH:mm, in Beijing time as the notice writes its deadlines.
export function time(instant: Date | string): string {
  return dayjs.utc(instant).utcOffset(BEIJING_OFFSET_MINUTES).format('YYYY年MM月DD日 HH:mm');
}

// `date`: YYYY年MM月DD日 (Beijing day).
export function date(instant: Date | string): string {
  return dayjs.utc(instant).utcOffset(BEIJING_OFFSET_MINUTES).format('YYYY年MM月DD日');
}

// `amount`: a number with at most two decimals and the currency, e.g. 280元.
export function amount(cny: number): string {
  const rounded = Math.round(cny * 100) / 100;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(2)}元`;
}

function note(kind: AlertKind, data: unknown): string {
  switch (kind) {
    case 'application_returned':
    case 'revision_deadline_approaching': {
      const d = data as AlertDataByKind['application_returned'];
      return `请在截止前修改，还可提交${d.submissionsLeft}次`;
    }
    case 'fee_due':
    case 'fee_deadline_approaching': {
      const d = data as AlertDataByKind['fee_due'];
      return `${LEVEL_TIER_LABEL[d.tier]}职称评审费，请按时缴纳`;
    }
    case 'continuing_education_short': {
      const d = data as AlertDataByKind['continuing_education_short'];
      return `${d.year}年还差${Math.max(d.totalShortBy, d.professionalShortBy)}学时`;
    }
    case 'defence_exempt': {
      const d = data as AlertDataByKind['defence_exempt'];
      return `${GRASSROOTS_SERVICE_LABEL[d.service]}，答辩按专业平均分计`;
    }
    case 'paper_materials_due':
    case 'paper_materials_deadline_approaching':
      return '请按时报送纸质申报材料';
    case 'notice_published': {
      const d = data as AlertDataByKind['notice_published'];
      return `${d.regionName}${d.year}年度通知已发布`;
    }
    case 'calendar_date_changed': {
      const d = data as AlertDataByKind['calendar_date_changed'];
      return `改为${date(d.newEndsAt)}`;
    }
    default:
      return DEFAULT_NOTE;
  }
}

export interface TemplateInput {
  kind: AlertKind;
  deadline: Date | null;
  data: unknown;
  plannedAt: Date;
}

/**
 * The subscribe-message `data` of an alert, every value within WeChat's rules.
 *
 * @example
 * templateData({ kind: 'fee_due', deadline: new Date('2023-09-29T16:00:00Z'), data: { amountCny: 280, tier: 'intermediate', deadline: '…' }, plannedAt })
 * // { thing1: { value: '请缴纳评审费' }, time2: { value: '2023年09月30日 00:00' }, thing3: …, amount4: { value: '280元' } }
 */
export function templateData(input: TemplateInput): TemplateData {
  const result: TemplateData = {
    thing1: { value: thing(TITLE[input.kind]) },
    time2: { value: time(input.deadline ?? input.plannedAt) },
    thing3: { value: thing(note(input.kind, input.data)) },
  };
  if (input.kind === 'fee_due' || input.kind === 'fee_deadline_approaching') {
    result.amount4 = { value: amount((input.data as AlertDataByKind['fee_due']).amountCny) };
  }
  if (input.kind === 'evaluation_result') {
    result.phrase5 = {
      value: phrase(
        (input.data as AlertDataByKind['evaluation_result']).isPassed ? '通过' : '未通过',
      ),
    };
  }
  return result;
}

// The page a tap on the message opens.
export const inboxPage = (messageId: number): string => `pages/inbox/index?messageId=${messageId}`;
