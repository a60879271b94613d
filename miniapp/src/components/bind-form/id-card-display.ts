// The 18-character resident ID as a person reads it off the card: region (6), birth date (8),
// sequence and check (4). Shown in groups so that a "check failed" can be found by eye; sent
// without the spaces.
const GROUPS = [6, 8, 4] as const;
export const ID_CARD_LENGTH = 18;
// The grouped form's length: what the input may hold.
export const GROUPED_ID_CARD_LENGTH = ID_CARD_LENGTH + GROUPS.length - 1;

// What was typed or pasted, reduced to the characters an ID can hold: digits, and X only as the
// last of the 18 (a lower-case x is upper-cased; an X anywhere else is dropped as it is typed).
export function idCardCharacters(typed: string): string {
  let kept = '';
  for (const character of typed.toUpperCase()) {
    if (kept.length === ID_CARD_LENGTH) break;
    if (/[0-9]/.test(character) || (character === 'X' && kept.length === ID_CARD_LENGTH - 1))
      kept += character;
  }
  return kept;
}

// "653201199005171224" → "653201 19900517 1224"; a partial number is grouped as far as it goes.
export function groupIdCardNumber(typed: string): string {
  const characters = idCardCharacters(typed);
  const groups: string[] = [];
  let start = 0;
  for (const size of GROUPS) {
    if (start >= characters.length) break;
    groups.push(characters.slice(start, start + size));
    start += size;
  }
  return groups.join(' ');
}
