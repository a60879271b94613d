// A person's name as the platform sends it, before it is stored and shown. Names reach staff
// lists, error reports and spreadsheets, and an applicant's phone in right-to-left Uyghur, so:
// - Invisible format and control characters (bidi overrides and isolates, LRM/RLM/ALM,
//   zero-width spaces and joiners, the BOM, soft hyphens) are removed: they draw nothing in a
//   name, come along innocently when a name is pasted from Word or WeChat, and can reorder or
//   hide what staff read (a U+202E override shows "王建国" for other text). Removing them never
//   changes the letters, so the name is stored neutralised rather than refused.
// - Runs of whitespace become one space, and the ends are trimmed.
// - A name that then starts with = + - or @ is refused: no name does, spreadsheets run such a
//   cell as a formula, and dropping the character would store a name the platform never held.
// - A name with nothing left is refused.

export const PERSON_NAME_REFUSAL = {
  EMPTY: 'EMPTY',
  FORMULA_TRIGGER: 'FORMULA_TRIGGER',
} as const;
export type PersonNameRefusal = (typeof PERSON_NAME_REFUSAL)[keyof typeof PERSON_NAME_REFUSAL];

export type PersonNameCheck =
  { isValid: true; name: string } | { isValid: false; reason: PersonNameRefusal };

const FORMAT_PATTERN = /\p{Cf}+/gu;
const SPACE_RUN_PATTERN = /\s+/gu;
const CONTROL_PATTERN = /\p{Cc}+/gu;
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@']);

/**
 * Neutralises a person's name (invisible format and control characters removed, spaces folded)
 * and refuses one that is empty or starts with a spreadsheet formula trigger (= + - @).
 *
 * @param input - the name as sent
 * @example
 * checkPersonName('王\u200b建国\u202e') // { isValid: true, name: '王建国' }
 */
export function checkPersonName(input: string): PersonNameCheck {
  // Most names need nothing: one test instead of three replacements per row of an import.
  const name = isPlainName(input)
    ? input
    : input
        .replace(FORMAT_PATTERN, '')
        .replace(SPACE_RUN_PATTERN, ' ')
        .replace(CONTROL_PATTERN, '')
        .trim();
  if (name === '') return { isValid: false, reason: PERSON_NAME_REFUSAL.EMPTY };
  if (FORMULA_TRIGGERS.has(name.charAt(0)))
    return { isValid: false, reason: PERSON_NAME_REFUSAL.FORMULA_TRIGGER };
  return { isValid: true, name };
}

// Whether a name has only characters that need no work: printable ASCII, CJK ideographs, the
// middle dot of transcribed Uyghur names, Arabic-script letters (U+0621–06D5 holds no format
// character), and single spaces between them. Imports check a million names, and a Unicode
// property pattern costs several times this loop.
function isPlainName(text: string): boolean {
  const last = text.length - 1;
  for (let index = 0; index <= last; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (index === 0 || index === last || text.charCodeAt(index - 1) === 0x20) return false;
    } else if (
      !(code > 0x20 && code < 0x7f) &&
      !(code >= 0x4e00 && code <= 0x9fff) &&
      code !== 0xb7 &&
      !(code >= 0x0621 && code <= 0x06d5)
    ) {
      return false;
    }
  }
  return true;
}
