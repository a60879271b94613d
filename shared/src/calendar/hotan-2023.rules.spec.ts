import { RULE_ID } from '../domain/application.type';
import { parseCalendarYear } from './calendar.schema';
import { HOTAN_2023_CALENDAR } from './hotan-2023.calendar';
import { HOTAN_2023, HOTAN_2023_RULES } from './hotan-2023.rules';

describe('HOTAN_2023_RULES', () => {
  it('belongs to the same notice and year as HOTAN_2023_CALENDAR', () => {
    expect(HOTAN_2023_RULES.year).toBe(HOTAN_2023_CALENDAR.year);
    expect(HOTAN_2023_RULES.noticeDocumentNumber).toBe(HOTAN_2023_CALENDAR.noticeDocumentNumber);
    expect(HOTAN_2023.calendar).toBe(HOTAN_2023_CALENDAR);
    expect(HOTAN_2023.rules).toBe(HOTAN_2023_RULES);
    expect(() => parseCalendarYear(HOTAN_2023.calendar)).not.toThrow();
  });

  it('names a notice section for every rule id', () => {
    for (const id of Object.values(RULE_ID)) expect(HOTAN_2023_RULES.sections[id]).toMatch(/\S/);
  });

  it('writes an interpretation beside every ambiguous parameter', () => {
    const r = HOTAN_2023_RULES;
    for (const text of [
      r.scope.interpretation,
      r.revision.interpretation,
      r.publicity.interpretation,
      r.filing.interpretation,
      r.fee.interpretation,
      r.continuingEducation.interpretation,
      r.defence.interpretation,
      r.fastTrack.interpretation,
      r.falsificationBan.interpretation,
    ]) {
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('R17 prices 高级 450, 中级 280, 初级 140 CNY', () => {
    expect(HOTAN_2023_RULES.fee.amountsCny).toEqual({
      senior: 450,
      intermediate: 280,
      primary: 140,
    });
  });

  it('R20 carries the contact person, the phone and the supervision line of §五', () => {
    expect(HOTAN_2023_RULES.contacts).toEqual([
      { role: 'contact', name: '付永超', phone: '0903-2069736' },
      { role: 'supervision', name: null, phone: '0903-2069176' },
    ]);
  });

  it('R20 lists the four attachment templates of the notice', () => {
    expect(HOTAN_2023_RULES.attachmentTemplates).toHaveLength(4);
    expect(HOTAN_2023_RULES.attachmentTemplates[2]).toBe('个人承诺书（模板）');
  });
});
