import { isolate } from './bidi';

const DIGIT_OF: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

// 一…九十九 as the notice writes them (十, 十二, 二十, 二十三); null for anything else.
function chineseNumber(text: string): number | null {
  if (/^[0-9]+$/.test(text)) return Number(text);
  const match = /^([一二三四五六七八九两]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === '') return null;
  const [, tens = '', ten = '', ones = ''] = match;
  if (ten === '') return tens !== '' && ones === '' ? (DIGIT_OF[tens] ?? null) : null;
  return (tens === '' ? 1 : (DIGIT_OF[tens] ?? 0)) * 10 + (ones === '' ? 0 : (DIGIT_OF[ones] ?? 0));
}

const NUMERAL = '[0-9]+|[一二三四五六七八九十两]+';
// 一、 | (一) | 1. | 第X条, in the order the notice nests them: "三(一)2", "四、(二)", "第十条".
const SECTION = new RegExp(
  `^(?:第(${NUMERAL})[条章节款项])?` +
    `(?:(${NUMERAL})[、.．]?)?` +
    `(?:[（(](${NUMERAL})[)）][、.．]?)?` +
    `(?:(${NUMERAL})[、.．]?)?$`,
);

/**
 * The notice's section numbering ("三(一)2", "四、(二)", "第十条", "1.") in Arabic numerals with the
 * notice's nesting kept ("3(1)2"), isolated left to right so right-to-left text cannot reorder it.
 * In Chinese (`isRtl` false) the original is kept; an unknown shape comes back as written,
 * isolated in right-to-left text.
 *
 * @example sectionNumber('三(一)2', true) // '\u20663(1)2\u2069'
 */
export function sectionNumber(section: string, isRtl: boolean): string {
  const written = section.trim();
  if (!isRtl) return written;
  const match = SECTION.exec(written);
  if (written === '' || !match) return isolate(written);
  const [, article, chapter, item, point] = match;
  const parts = [article ?? chapter, item, point].map((part) =>
    part === undefined ? undefined : chineseNumber(part),
  );
  if (parts.some((part) => part === null) || (article && chapter)) return isolate(written);
  const [head, sub, leaf] = parts;
  // "三1" has no item between: a dot keeps 3 and 1 from reading as 31.
  const joint = sub === undefined && head !== undefined && leaf !== undefined ? '.' : '';
  const text = `${head ?? ''}${sub === undefined ? '' : `(${sub})`}${joint}${leaf ?? ''}`;
  return isolate(text === '' ? written : text);
}

/**
 * The number of an attachment the notice refers to ("附件3" → 3), which is cited as an attachment
 * rather than a section; null for anything else.
 *
 * @example attachmentNumber('附件3') // 3
 */
export function attachmentNumber(section: string): number | null {
  const match = /^附件\s*([0-9]+|[一二三四五六七八九十]+)$/.exec(section.trim());
  return match?.[1] ? chineseNumber(match[1]) : null;
}
