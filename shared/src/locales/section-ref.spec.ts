import { attachmentNumber, sectionNumber } from './section-ref';

const LRI = '\u2066';
const PDI = '\u2069';

describe('sectionNumber', () => {
  it('keeps the notice numbering as written in Chinese', () => {
    expect(sectionNumber('三(一)', false)).toBe('三(一)');
  });

  it.each([
    ['三', '3'],
    ['一、', '1'],
    ['三(一)', '3(1)'],
    ['四(十)', '4(10)'],
    ['四（二）', '4(2)'],
    ['三、(二)', '3(2)'],
    ['四(一)1', '4(1)1'],
    ['(一)', '(1)'],
    ['1.', '1'],
    ['第十二条', '12'],
    ['二十三', '23'],
    ['三1', '3.1'],
    ['第三条(一)五', '3(1)5'],
  ])('writes %s as %s in Arabic numerals, isolated, for right-to-left text', (written, shown) => {
    expect(sectionNumber(written, true)).toBe(`${LRI}${shown}${PDI}`);
  });

  it('keeps the head before the item, so right to left cannot turn 三(一) into (一)三', () => {
    expect(sectionNumber('三(一)', true).indexOf('3')).toBeLessThan(
      sectionNumber('三(一)', true).indexOf('('),
    );
  });

  it.each(['附件2', '一二', '三(一)(二)', '第三条二', 'R17', '（'])(
    'falls back to the original, isolated, for the unknown shape %s',
    (written) => {
      expect(sectionNumber(written, true)).toBe(`${LRI}${written}${PDI}`);
    },
  );

  it('returns an empty section as empty', () => {
    expect(sectionNumber('', true)).toBe('');
    expect(sectionNumber('  ', false)).toBe('');
  });
});

describe('attachmentNumber', () => {
  it('reads the number of an attachment, in either numerals', () => {
    expect(attachmentNumber('附件3')).toBe(3);
    expect(attachmentNumber('附件 十二')).toBe(12);
  });

  it('is null for a section or an unknown shape', () => {
    expect(attachmentNumber('三(一)')).toBeNull();
    expect(attachmentNumber('附件')).toBeNull();
    expect(attachmentNumber('附件一二')).toBeNull();
  });
});
