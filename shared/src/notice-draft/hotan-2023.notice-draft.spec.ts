import { readFileSync } from 'fs';
import { join } from 'path';

import { toCalendarEvents } from '../calendar/calendar-events';
import { HOTAN_2023_CALENDAR } from '../calendar/hotan-2023.calendar';
import { draftNoticeCalendar } from './draft-notice-calendar';
import { HOTAN_2023_SEED_PATH } from './notice-excerpts.fixture';

// The seed keeps the notice verbatim; reading it (not a copy) means a fix to the seed text is
// proven here too.
const noticeText = readFileSync(join(__dirname, HOTAN_2023_SEED_PATH), 'utf8');
const draft = draftNoticeCalendar(noticeText, { year: 2023 });
const toUtc = (instant: string | null) =>
  instant === null ? null : new Date(instant).toISOString();
const parameter = (name: string) => draft.parameters.filter((p) => p.name === name);

describe('draftNoticeCalendar on the Hotan 2023 notice (和地职称办〔2023〕1号)', () => {
  it('R3 drafts the hand-made 2023 calendar event for event: kind, start and end', () => {
    const drafted = draft.events.map((e) => ({
      kind: e.kind,
      startsAt: toUtc(e.startsAt),
      endsAt: toUtc(e.endsAt),
    }));
    const handMade = toCalendarEvents(HOTAN_2023_CALENDAR).map((e) => ({
      kind: e.kind,
      startsAt: e.startsAt?.toISOString() ?? null,
      endsAt: e.endsAt.toISOString(),
    }));
    expect(drafted).toEqual(handMade);
  });

  it('R3 reads "9月30日之前" and "11月30日前" strictly, as the hand-made calendar does', () => {
    const strict = draft.events.filter((e) => e.reading === 'strict_before').map((e) => e.kind);
    expect(strict).toEqual(['paper_materials', 'fee', 'junior_evaluations']);
  });

  it('quotes the sentence each event was read from', () => {
    const fee = draft.events.find((e) => e.kind === 'fee');
    expect(fee?.quote).toBe('截止时间为9月30日之前。');
  });

  it('R17 reads the fees: 高级 450, 中级 280, 初级 140 元', () => {
    expect(draft.parameters.filter((p) => p.unit === 'yuan').map((p) => [p.name, p.value])).toEqual(
      [
        ['fee_senior', 450],
        ['fee_intermediate', 280],
        ['fee_primary', 140],
      ],
    );
  });

  it('R4 reads the 2-day revision window and at most 3 submissions', () => {
    expect(parameter('revision_window')).toMatchObject([{ value: 2, unit: 'day' }]);
    expect(parameter('max_submissions')).toMatchObject([{ value: 3, unit: 'submission' }]);
  });

  it('R9 reads 5 working days of employer publicity, once although the template repeats it', () => {
    expect(parameter('publicity_working_days')).toMatchObject([{ value: 5, unit: 'working_day' }]);
  });

  it('R13 reads 90 continuing-education hours a year, 60 of them professional', () => {
    expect(parameter('continuing_education_hours')).toMatchObject([{ value: 90 }]);
    expect(parameter('continuing_education_professional_hours')).toMatchObject([{ value: 60 }]);
  });

  it('reads the platform addresses once each and the issue date', () => {
    expect(parameter('platform_url').map((p) => p.value)).toEqual([
      'www.xjzcsq.com',
      'http://ht.xjzcsq.com',
    ]);
    expect(parameter('issued_on')).toMatchObject([{ value: '2023-07-12' }]);
  });

  it('asks to confirm the dates left to others and the office-only filing date', () => {
    expect(draft.warnings.map((w) => w.reason)).toEqual([
      'to_be_announced',
      'to_be_announced',
      'to_be_announced',
      'unknown_step',
    ]);
    expect(draft.warnings[3]?.quote).toContain('事前备案在2023年7月20日前完成');
  });
});
