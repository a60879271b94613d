import { CALENDAR_EVENT_KIND } from '../calendar/calendar.type';
import type { CalendarEventKind } from '../calendar/calendar.type';
import { readSentenceDates } from './notice-dates.util';
import type { YearCursor } from './notice-dates.util';
import { DRAFT_WARNING_REASON, NOTICE_PARAMETER_NAME } from './notice-draft.type';
import type {
  DraftEvent,
  DraftNoticeOptions,
  DraftParameter,
  DraftWarning,
  NoticeCalendarDraft,
} from './notice-draft.type';
import { dedupeParameters, readSentenceParameters } from './notice-parameters.util';
import { splitNoticeSentences } from './notice-text.util';
import type { NoticeSentence } from './notice-text.util';

// Office-side filings carry dates but are not steps an applicant waits for.
const NOT_A_STEP = 'not_a_step';

// Order matters: the first rule that matches names the step. Narrow wordings come before the
// broad ones they contain (县市初级 before 申报, 网上申报 before 纸质材料, 审核 before 申报).
const KIND_RULES: ReadonlyArray<readonly [RegExp, CalendarEventKind | typeof NOT_A_STEP]> = [
  [/事前备案|会前备案/, NOT_A_STEP],
  [/县.{0,4}初级|初级职称.{0,12}自行/, CALENDAR_EVENT_KIND.JUNIOR_EVALUATIONS],
  [/网上申报|网上注册|在线申报|网上填报/, CALENDAR_EVENT_KIND.APPLICATION],
  [/纸质|书面材料|材料报送|报送材料/, CALENDAR_EVENT_KIND.PAPER_MATERIALS],
  [/缴费|缴纳|评审费|交费/, CALENDAR_EVENT_KIND.FEE],
  [/事后备案|电子证书|证书(?:签发|发放|领取)/, CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES],
  [
    /任职资格文件|文件印发|印发文件|发文|结果公布|公布结果/,
    CALENDAR_EVENT_KIND.QUALIFICATION_DOCUMENTS,
  ],
  [/审核|审查|初审|复审|受理/, CALENDAR_EVENT_KIND.REVIEW],
  [/评审会|召开|答辩|公示|评审时间|评审及/, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS],
  [/申报|报名|注册|填报/, CALENDAR_EVENT_KIND.APPLICATION],
];
// A colon between digits is a clock time (10:00), not a clause break.
const CLAUSE_SEPARATOR = /[，,]|(?<!\d)[：:]/;
const TO_BE_ANNOUNCED =
  /另行(?:通知|公布|确定|安排)|(?:时间|日期)[^。；]{0,40}?(?:协商后?确定|自行确定|待定|为准)/;
const VAGUE_PERIOD = /[上中下]旬|左右/;
const BARE_FULL_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*。?$/;

function kindIn(text: string): CalendarEventKind | typeof NOT_A_STEP | null {
  const rule = KIND_RULES.find(([pattern]) => pattern.test(text));
  return rule ? rule[1] : null;
}

function clauseAt(sentence: string, index: number): string {
  let start = 0;
  for (const clause of sentence.split(CLAUSE_SEPARATOR)) {
    const end = start + clause.length;
    if (index >= start && index < end) return clause;
    start = end + 1;
  }
  return sentence;
}

// The clause with the date names the step best; then the whole sentence; then the heading
// ("（三）缴费时间" over "截止时间为9月30日之前。").
function stepKind(sentence: NoticeSentence, index: number): CalendarEventKind | null {
  for (const text of [clauseAt(sentence.text, index), sentence.text, sentence.heading ?? '']) {
    const kind = kindIn(text);
    if (kind === NOT_A_STEP) return null;
    if (kind !== null) return kind;
  }
  return null;
}

// A full date alone on the line after the issuing office's name is the signature date.
function isIssueDate(sentence: NoticeSentence): boolean {
  return sentence.isWholeLine && !sentence.isAfterHeading && BARE_FULL_DATE.test(sentence.text);
}

/**
 * Drafts a year calendar from the text of a title-evaluation notice (职称评审通知): the dated
 * steps as Beijing-time instants, the figures it states, and what a person must confirm.
 *
 * @param text - the notice text (plain, markdown or pasted from a web page)
 * @param options - `year`: the notice year, used until the text writes a year itself
 * @returns events in text order, parameters with their sentence, warnings never guessed at
 * @example
 * draftNoticeCalendar('（三）缴费时间\n截止时间为9月30日之前。', { year: 2023 }).events
 * // [{ kind: 'fee', startsAt: null, endsAt: '2023-09-30T00:00:00+08:00',
 * //    quote: '截止时间为9月30日之前。', reading: 'strict_before' }]
 */
export function draftNoticeCalendar(
  text: string,
  options: DraftNoticeOptions,
): NoticeCalendarDraft {
  const events: DraftEvent[] = [];
  const parameters: DraftParameter[] = [];
  const warnings: DraftWarning[] = [];
  const cursor: YearCursor = { year: options.year };

  for (const sentence of splitNoticeSentences(text)) {
    const quote = sentence.text;
    parameters.push(...readSentenceParameters(quote));

    if (isIssueDate(sentence)) {
      const dates = readSentenceDates(quote, cursor);
      const issuedOn = dates.windows[0]?.startsAt?.slice(0, 10);
      if (issuedOn !== undefined) {
        parameters.push({
          name: NOTICE_PARAMETER_NAME.ISSUED_ON,
          value: issuedOn,
          unit: null,
          quote,
        });
      }
      continue;
    }

    const dates = readSentenceDates(quote, cursor);
    if (dates.hasVagueDate || (VAGUE_PERIOD.test(quote) && dates.windows.length === 0)) {
      warnings.push({ quote, reason: DRAFT_WARNING_REASON.VAGUE_DATE });
    }
    if (TO_BE_ANNOUNCED.test(quote)) {
      warnings.push({ quote, reason: DRAFT_WARNING_REASON.TO_BE_ANNOUNCED });
    }
    if (dates.hasInconsistentRange) {
      warnings.push({ quote, reason: DRAFT_WARNING_REASON.INCONSISTENT_RANGE });
    }
    for (const window of dates.windows) {
      const kind = stepKind(sentence, window.index);
      if (kind === null) {
        warnings.push({ quote, reason: DRAFT_WARNING_REASON.UNKNOWN_STEP });
        continue;
      }
      events.push({
        kind,
        startsAt: window.startsAt,
        endsAt: window.endsAt,
        quote,
        reading: window.reading,
      });
    }
  }
  return { events, parameters: dedupeParameters(parameters), warnings };
}
