import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ts from 'typescript';

import {
  WorkdayDataUnavailableError,
  countOfficialWorkdays,
  hasOfficialWorkdayData,
  isOfficialWorkday,
  nthOfficialWorkday,
} from './working-days';

describe('isOfficialWorkday', () => {
  it.each([
    ['2023-09-28', true], // Thursday before the holiday
    ['2023-09-29', false], // Mid-Autumn Festival
    ['2023-09-30', false],
    ['2023-10-01', false],
    ['2023-10-02', false],
    ['2023-10-03', false],
    ['2023-10-04', false],
    ['2023-10-05', false],
    ['2023-10-06', false], // National Day holiday ends
    ['2023-10-07', true], // Saturday make-up workday (调休)
    ['2023-10-08', true], // Sunday make-up workday (调休)
    ['2023-10-09', true], // Monday
    ['2023-10-14', false], // ordinary Saturday
    ['2023-08-15', true], // ordinary Tuesday
  ])('R9 reads %s as a working day: %s', (date, expected) => {
    expect(isOfficialWorkday(date)).toBe(expected);
  });

  it('R9 refuses a year without published holiday data instead of guessing Monday–Friday', () => {
    expect(() => isOfficialWorkday('2027-10-04')).toThrow(WorkdayDataUnavailableError);
    expect(() => isOfficialWorkday('2027-10-04')).toThrow(/2027/);
  });

  it('rejects a string that is not a calendar date', () => {
    expect(() => isOfficialWorkday('2023-10-32')).toThrow(RangeError);
  });

  it('gives the same answers west of UTC, where chinese-days alone shifts plain weekdays', () => {
    // The host time zone is fixed per process, so the module runs in a child Node process.
    const dir = mkdtempSync(join(tmpdir(), 'working-days-'));
    try {
      for (const [source, target] of [
        ['../calendar/beijing-day.ts', 'beijing-day.js'],
        ['./working-days.ts', 'working-days.js'],
      ] as const) {
        const code = readFileSync(join(__dirname, source), 'utf8').replace(
          '../calendar/beijing-day',
          './beijing-day',
        );
        const output = ts.transpileModule(code, {
          compilerOptions: {
            module: ts.ModuleKind.CommonJS,
            target: ts.ScriptTarget.ES2022,
            esModuleInterop: true,
          },
        }).outputText;
        writeFileSync(join(dir, target), output);
      }
      const script = `
        const w = require(${JSON.stringify(join(dir, 'working-days.js'))});
        console.log(JSON.stringify({
          west: new Date(Date.UTC(2023, 9, 9)).getDate() === 8,
          days: ['2023-09-28', '2023-09-29', '2023-10-06', '2023-10-07', '2023-10-08', '2023-10-09', '2023-10-14'].map(w.isOfficialWorkday),
          known: [w.hasOfficialWorkdayData(2023), w.hasOfficialWorkdayData(2027)],
        }));`;
      const result = spawnSync(process.execPath, ['-e', script], {
        env: {
          ...process.env,
          TZ: 'America/Los_Angeles',
          NODE_PATH: join(__dirname, '../../../node_modules'),
        },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        west: true,
        days: [true, false, false, true, true, true, false],
        known: [true, false],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hasOfficialWorkdayData', () => {
  it.each([
    [2023, true],
    [2024, true],
    [2026, true],
    [2027, false],
    [1999, false],
    [2023.5, false],
  ])('%s → %s', (year, expected) => {
    expect(hasOfficialWorkdayData(year)).toBe(expected);
  });
});

describe('countOfficialWorkdays', () => {
  it('counts make-up workdays and skips the National Day holiday, both ends included', () => {
    expect(countOfficialWorkdays('2023-09-28', '2023-10-08')).toBe(3);
    expect(countOfficialWorkdays('2023-09-25', '2023-09-29')).toBe(4);
  });

  it('is 0 for an empty or reversed range', () => {
    expect(countOfficialWorkdays('2023-10-01', '2023-10-06')).toBe(0);
    expect(countOfficialWorkdays('2023-10-09', '2023-10-08')).toBe(0);
  });
});

describe('nthOfficialWorkday', () => {
  it('jumps the holiday to the make-up workdays', () => {
    expect(nthOfficialWorkday('2023-09-28', 1)).toBe('2023-09-28');
    expect(nthOfficialWorkday('2023-09-28', 2)).toBe('2023-10-07');
    expect(nthOfficialWorkday('2023-09-29', 1)).toBe('2023-10-07');
  });

  it('rejects a count below 1', () => {
    expect(() => nthOfficialWorkday('2023-09-28', 0)).toThrow(RangeError);
  });

  it('throws when the search runs into a year without data', () => {
    expect(() => nthOfficialWorkday('2026-12-28', 10)).toThrow(WorkdayDataUnavailableError);
  });
});
