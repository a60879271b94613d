import { canUseSection, sectionsFor } from '../office-access';

describe('sectionsFor', () => {
  it('gives the prefecture office every section', () => {
    expect(sectionsFor('prefecture_office')).toEqual([
      'notices',
      'calendar',
      'imports',
      'applications',
      'reminders',
      'certificates',
      'staff',
      'feedback',
    ]);
  });

  it('gives a county HR bureau imports and search but no notices, certificates or accounts', () => {
    expect(sectionsFor('county_hr_bureau')).toEqual([
      'calendar',
      'imports',
      'applications',
      'reminders',
    ]);
  });

  it('gives a series authority search and the delivery log only', () => {
    expect(sectionsFor('series_authority')).toEqual(['calendar', 'applications', 'reminders']);
    expect(canUseSection('series_authority', 'imports')).toBe(false);
  });
});
