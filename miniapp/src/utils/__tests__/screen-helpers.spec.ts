import { screenUrl, toggledKeys } from '../action-target';
import { isDefenceAhead, isLastSubmission } from '../application-view';
import { levelText } from '../fee-text';
import { reasonText } from '../eligibility-text';
import { translate } from '../../locales';

describe('screenUrl', () => {
  it('should open the application page at its checklist for an attachment to-do', () => {
    expect(screenUrl('checklist', '7')).toBe(
      '/packages/applicant/pages/application/index?id=7&focus=checklist',
    );
  });

  it('should open the fee, facts and certificate screens', () => {
    expect(screenUrl('fee', '7')).toBe('/packages/applicant/pages/fee/index');
    expect(screenUrl('facts', '7')).toBe('/packages/applicant/pages/facts/index');
    expect(screenUrl('certificate', '7')).toBe('/packages/applicant/pages/certificate/index');
    expect(screenUrl('application', '7')).toBe('/packages/applicant/pages/application/index?id=7');
  });
});

describe('toggledKeys', () => {
  it('should add a ticked key once and remove an unticked one', () => {
    expect(toggledKeys(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggledKeys(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggledKeys(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('should not mutate the keys it was given', () => {
    const keys = ['a'];
    toggledKeys(keys, 'b', true);
    expect(keys).toEqual(['a']);
  });
});

describe('isDefenceAhead', () => {
  it('should keep the defence line up to the defence stage', () => {
    expect(isDefenceAhead('materials_received')).toBe(true);
    expect(isDefenceAhead('defence')).toBe(true);
  });

  it('should drop it once the meeting, a result or an exit has come', () => {
    expect(isDefenceAhead('evaluation_meeting')).toBe(false);
    expect(isDefenceAhead('passed')).toBe(false);
    expect(isDefenceAhead('certificate_issued')).toBe(false);
    expect(isDefenceAhead('withdrawn')).toBe(false);
  });
});

describe('isLastSubmission', () => {
  it('should flag exactly the last submission left', () => {
    expect([0, 1, 2].map(isLastSubmission)).toEqual([false, true, false]);
  });
});

describe('levelText', () => {
  it('should name the intermediate level once', () => {
    expect(levelText(translate, 'intermediate')).toBe('中级');
  });

  it('should give the tier a level is priced by when it differs', () => {
    expect(levelText(translate, 'deputy_senior')).toBe('高级（副高级）');
  });
});

describe('reasonText', () => {
  const answer = {
    ruleId: 'R13' as const,
    verdict: 'missing' as const,
    values: { year: 2023 },
    quote: '',
    section: '四(八)',
  };

  it('should fill the reason of the notice with its values', () => {
    expect(
      reasonText(translate, { ...answer, reason: 'eligibility.reasons.routeChosen' }),
    ).toContain('2023 年度已选定申报方式');
  });

  it('should fall back to the verdict for a reason key this build does not know', () => {
    expect(reasonText(translate, { ...answer, reason: 'eligibility.reasons.noSuchReason' })).toBe(
      '还差…',
    );
  });

  it('should never show a key outside the eligibility reasons', () => {
    expect(reasonText(translate, { ...answer, reason: 'errors.NOT_FOUND' })).toBe('还差…');
  });
});
