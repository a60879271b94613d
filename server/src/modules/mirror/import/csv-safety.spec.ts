import { parse } from 'csv-parse/sync';

import { neutralizeCell, toCsv, toCsvLines } from './csv-safety';

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('prefixes %j with a quote', (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
  });

  it.each([
    ['王建国'],
    [''],
    ['1+1'],
    [' =1+1'],
    ['HT2023-00001'],
    ['ID number: BAD_CHECK_DIGIT'],
    ["'=already neutral"],
  ])('leaves %j as it is', (value) => {
    expect(neutralizeCell(value)).toBe(value);
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a BOM and CRLF line ends', () => {
    const bytes = toCsv([
      ['行', '原因'],
      ['2', '状态'],
    ]);

    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8')).toBe('行,原因\r\n2,状态\r\n');
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    const bytes = toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']]);

    expect(bytes.subarray(3).toString('utf8')).toBe('"a,b","say ""hi""","two\nlines",plain\r\n');
  });

  it('neutralizes formula triggers in every cell', () => {
    const bytes = toCsv([['=1+1', '-5', 'safe', '@x']]);

    expect(bytes.subarray(3).toString('utf8')).toBe("'=1+1,'-5,safe,'@x\r\n");
  });

  it('round-trips through a csv parser to the neutralized values', () => {
    const rows = [
      ['行号', '列', '原因'],
      ['7', '姓名', "=cmd|' /C calc'!A0"],
      ['8', '单位', '和田, "南疆"\r\n分院'],
    ];

    const parsed = parse(toCsv(rows), { bom: true });

    expect(parsed).toEqual(rows.map((row) => row.map(neutralizeCell)));
  });

  it('writes only the BOM for no rows', () => {
    expect(toCsv([]).toString('utf8')).toBe('\uFEFF');
  });

  it('does not mutate the rows', () => {
    const rows = [['=1+1']];

    toCsv(rows);

    expect(rows).toEqual([['=1+1']]);
  });
});

describe('toCsvLines', () => {
  it('writes the same lines as toCsv, with the BOM only when asked', () => {
    const rows = [
      ['2', '=cmd', 'a,b'],
      ['3', '姓名', '@x'],
    ];

    expect(toCsvLines(rows).toString('utf8')).toBe(`2,'=cmd,"a,b"\r\n3,姓名,'@x\r\n`);
    expect(toCsvLines(rows, { withBom: true })).toEqual(toCsv(rows));
  });
});
