import { GROUPED_ID_CARD_LENGTH, groupIdCardNumber, idCardCharacters } from '../id-card-display';

describe('idCardCharacters', () => {
  it('should keep the 18 characters without the spaces it is shown with', () => {
    expect(idCardCharacters('653201 19900517 1224')).toBe('653201199005171224');
  });

  it('should take an X only as the last character, upper-cased', () => {
    expect(idCardCharacters('65320119900517124x')).toBe('65320119900517124X');
    expect(idCardCharacters('6532X01')).toBe('653201');
  });

  it('should drop what no ID holds and stop at 18 characters', () => {
    expect(idCardCharacters('６5-32.01a19900517122499')).toBe('532011990051712249');
    expect(idCardCharacters('6532011990051712249')).toBe('653201199005171224');
  });
});

describe('groupIdCardNumber', () => {
  it('should group a full number 6-8-4, as printed on the card', () => {
    expect(groupIdCardNumber('653201199005171224')).toBe('653201 19900517 1224');
    expect(groupIdCardNumber('65320119900517124X')).toHaveLength(GROUPED_ID_CARD_LENGTH);
  });

  it('should group a number being typed as far as it goes, with no trailing space', () => {
    expect(groupIdCardNumber('')).toBe('');
    expect(groupIdCardNumber('6532')).toBe('6532');
    expect(groupIdCardNumber('653201')).toBe('653201');
    expect(groupIdCardNumber('6532011')).toBe('653201 1');
    expect(groupIdCardNumber('65320119900517')).toBe('653201 19900517');
    expect(groupIdCardNumber('653201199005171')).toBe('653201 19900517 1');
  });

  it('should regroup what was edited in the middle of the grouped text', () => {
    expect(groupIdCardNumber('65320 19900517 1224')).toBe('653201 99005171 224');
  });
});
