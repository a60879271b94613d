export interface NoticeSentence {
  text: string; // the sentence as the notice writes it, markup removed
  heading: string | null; // the nearest heading above it
  isWholeLine: boolean; // the sentence is its line, alone
  isAfterHeading: boolean; // the line right above is a heading
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
const SENTENCE_END = /(?<=[。；;！!？?])/;
// Lines a converted PDF breaks at a page end carry no closing punctuation and are followed by
// several blank lines; a paragraph break in the notice is a single blank line.
const PAGE_BREAK_BLANK_LINES = 2;
const OPEN_LINE_END = /[^。；;！!？?：:]$/;
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
const HAS_DATE = /\d\s*月/;

/**
 * Makes notice text uniform: half-width digits, no markdown, page-broken lines joined.
 *
 * @param text - the notice as pasted or converted
 * @example
 * normalizeNoticeText('**截止时间为９月３０日之前。**') // '截止时间为9月30日之前。'
 */
export function normalizeNoticeText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*|__/g, '');
}

function isHeadingLine(rawLine: string, line: string): boolean {
  if (HAS_DATE.test(line)) return false;
  if (/^#/.test(rawLine.trim())) return true;
  return NUMBERED_HEADING.test(line) && line.length <= 30 && !/[。；;]/.test(line);
}

function cleanLine(line: string): string {
  return line
    .replace(/^\s*#+\s*/, '')
    .replace(/^\s*-\s+/, '')
    .trim();
}

/**
 * Splits a notice into sentences, each with the heading it sits under.
 *
 * @param text - the notice text
 * @example
 * splitNoticeSentences('（三）缴费时间\n截止时间为9月30日之前。')[0]
 * // { text: '截止时间为9月30日之前。', heading: '（三）缴费时间', isWholeLine: true, isAfterHeading: true }
 */
export function splitNoticeSentences(text: string): NoticeSentence[] {
  const rawLines = normalizeNoticeText(text).split('\n');
  const lines: { raw: string; text: string }[] = [];
  let blankRun = 0;
  for (const raw of rawLines) {
    const line = cleanLine(raw);
    if (line === '') {
      blankRun += 1;
      continue;
    }
    const previous = lines[lines.length - 1];
    const isPageBreak =
      previous !== undefined &&
      blankRun >= PAGE_BREAK_BLANK_LINES &&
      OPEN_LINE_END.test(previous.text) &&
      !isHeadingLine(previous.raw, previous.text) &&
      !isHeadingLine(raw, line);
    if (previous && isPageBreak) {
      previous.text += line;
    } else {
      lines.push({ raw, text: line });
    }
    blankRun = 0;
  }

  const sentences: NoticeSentence[] = [];
  let heading: string | null = null;
  let isAfterHeading = false;
  for (const line of lines) {
    if (isHeadingLine(line.raw, line.text)) {
      heading = line.text;
      isAfterHeading = true;
      continue;
    }
    const parts = line.text
      .split(SENTENCE_END)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    for (const part of parts) {
      sentences.push({ text: part, heading, isWholeLine: parts.length === 1, isAfterHeading });
    }
    isAfterHeading = false;
  }
  return sentences;
}
