import { isolate, isolateDigits } from './bidi';

describe('isolate', () => {
  it('wraps a text in a left-to-right isolate', () => {
    expect(isolate('0903-2069736')).toBe('\u20660903-2069736\u2069');
  });

  it('leaves the text as it is when the language is left to right', () => {
    expect(isolate('0903-2069736', false)).toBe('0903-2069736');
  });

  it('adds nothing around an empty text', () => {
    expect(isolate('')).toBe('');
  });
});

describe('isolateDigits', () => {
  it('isolates a lone number inside Uyghur words', () => {
    expect(isolateDigits('3 كۈن ئىچىدە')).toBe('\u20663\u2069 كۈن ئىچىدە');
  });

  it('keeps a date with its time, a range and a phone number each in one isolate', () => {
    expect(isolateDigits('2023-08-30 24:00 گىچە')).toBe('\u20662023-08-30 24:00\u2069 گىچە');
    expect(isolateDigits('4–64 خانە')).toBe('\u20664–64\u2069 خانە');
    expect(isolateDigits('تېلېفون +86 0903-2069736')).toBe('تېلېفون \u2066+86 0903-2069736\u2069');
  });

  it('keeps Latin letters stuck to a number with it: a rule id, an application number', () => {
    expect(isolateDigits('(R17)')).toBe('(\u2066R17\u2069)');
    expect(isolateDigits('نومۇرى: DEMO-2023-0005')).toBe('نومۇرى: \u2066DEMO-2023-0005\u2069');
  });

  it('leaves spans already isolated untouched, so applying it twice changes nothing', () => {
    const once = isolateDigits('\u20662023-08-30\u2069 ۋە 5 كۈن');
    expect(once).toBe('\u20662023-08-30\u2069 ۋە \u20665\u2069 كۈن');
    expect(isolateDigits(once)).toBe(once);
  });

  it('returns a text without digits as it is', () => {
    expect(isolateDigits('ئىلتىماس')).toBe('ئىلتىماس');
  });
});
