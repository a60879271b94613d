// Left-to-right isolates (U+2066 LRI … U+2069 PDI) keep numbers, dates, IDs and document numbers
// in their written order inside right-to-left Uyghur text: without one, "+86 0903-1234567" reads
// "1234567-0903 86+". They work in any renderer, WeChat's included, where `<bdi>` and `dir` do not
// reach the weapp templates.
export const LRI = '\u2066';
export const PDI = '\u2069';

// Whole isolated spans (first-strong, left-to-right or right-to-left) and what lies between them.
const ISOLATED_SPAN = /([\u2066-\u2068][^\u2069]*\u2069)/;
// A number with what joins it to the next one and the Latin letters stuck to it: "2023-08-30 24:00",
// "4–64", "+86 0903-2069736", "R17", "DEMO-2023-0005".
const DIGIT_RUN =
  /\+?(?:[A-Za-z]+[-_])*[A-Za-z]*[0-9]+(?:(?:[-–.:/,_]| (?=[0-9]))[A-Za-z]*[0-9]+)*[A-Za-z]*/g;

/**
 * Wraps a text in a left-to-right isolate; `isRtl` false leaves it as it is (Chinese needs none).
 *
 * @example isolate('2023-08-30') // '\u20662023-08-30\u2069'
 */
export function isolate(text: string, isRtl = true): string {
  if (!isRtl || text === '') return text;
  return `${LRI}${text}${PDI}`;
}

/**
 * Isolates every run of digits that is not isolated yet, leaving the rest of the text and the
 * spans already isolated as they are, so it can be applied twice.
 *
 * @example isolateDigits('3 كۈن') // '\u20663\u2069 كۈن'
 */
export function isolateDigits(text: string): string {
  if (!/[0-9]/.test(text)) return text;
  return text
    .split(ISOLATED_SPAN)
    .map((part) =>
      ISOLATED_SPAN.test(part) ? part : part.replace(DIGIT_RUN, (run) => isolate(run)),
    )
    .join('');
}
