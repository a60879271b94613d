import { STAFF_ROLE } from '@titletrack/shared/contract';

import { isInStaffScope, isRegionInStaffScope, staffScopeFilter } from './staff-scope';

const hotanOffice = {
  role: STAFF_ROLE.PREFECTURE_OFFICE,
  regionCode: '6532',
  county: null,
  series: null,
};
const yutianBureau = {
  role: STAFF_ROLE.COUNTY_HR_BUREAU,
  regionCode: '6532',
  county: '于田县',
  series: null,
};
const educationAuthority = {
  role: STAFF_ROLE.SERIES_AUTHORITY,
  regionCode: '6532',
  county: null,
  series: 'education',
};
const xinjiangOffice = { ...hotanOffice, regionCode: '65' };

const record = (regionCode: string, county: string | null, series: string | null) => ({
  regionCode,
  county,
  series,
});

describe('isInStaffScope', () => {
  it('a prefecture office sees every record of its region and none of another', () => {
    expect(isInStaffScope(hotanOffice, record('6532', '于田县', 'health'))).toBe(true);
    expect(isInStaffScope(hotanOffice, record('6532', null, 'education'))).toBe(true);
    expect(isInStaffScope(hotanOffice, record('6531', '于田县', 'health'))).toBe(false);
  });

  it('a county HR bureau sees only its county of its region', () => {
    expect(isInStaffScope(yutianBureau, record('6532', '于田县', 'health'))).toBe(true);
    expect(isInStaffScope(yutianBureau, record('6532', '洛浦县', 'health'))).toBe(false);
    expect(isInStaffScope(yutianBureau, record('6532', null, 'health'))).toBe(false);
    expect(isInStaffScope(yutianBureau, record('6531', '于田县', 'health'))).toBe(false);
  });

  it('a series authority sees only its series of its region', () => {
    expect(isInStaffScope(educationAuthority, record('6532', '洛浦县', 'education'))).toBe(true);
    expect(isInStaffScope(educationAuthority, record('6532', '洛浦县', 'health'))).toBe(false);
    expect(isInStaffScope(educationAuthority, record('6501', null, 'education'))).toBe(false);
  });

  it('the autonomous region office sees every prefecture', () => {
    expect(isInStaffScope(xinjiangOffice, record('6532', null, 'health'))).toBe(true);
    expect(isInStaffScope(xinjiangOffice, record('6501', '米东区', 'education'))).toBe(true);
  });

  it('an account missing its county or series sees nothing rather than everything', () => {
    const noCounty = { ...yutianBureau, county: null };
    const noSeries = { ...educationAuthority, series: null };
    expect(isInStaffScope(noCounty, record('6532', null, 'health'))).toBe(false);
    expect(isInStaffScope(noCounty, record('6532', '于田县', 'health'))).toBe(false);
    expect(isInStaffScope(noSeries, record('6532', null, 'education'))).toBe(false);
  });
});

describe('staffScopeFilter', () => {
  it('gives the repository the columns to match, null for any', () => {
    expect(staffScopeFilter(hotanOffice)).toEqual({
      regionCode: '6532',
      county: null,
      series: null,
    });
    expect(staffScopeFilter(yutianBureau)).toEqual({
      regionCode: '6532',
      county: '于田县',
      series: null,
    });
    expect(staffScopeFilter(educationAuthority)).toEqual({
      regionCode: '6532',
      county: null,
      series: 'education',
    });
    expect(staffScopeFilter(xinjiangOffice)).toEqual({
      regionCode: null,
      county: null,
      series: null,
    });
  });
});

describe('isRegionInStaffScope', () => {
  it('is the own region, or any for the autonomous region', () => {
    expect(isRegionInStaffScope(hotanOffice, '6532')).toBe(true);
    expect(isRegionInStaffScope(hotanOffice, '6531')).toBe(false);
    expect(isRegionInStaffScope(xinjiangOffice, '6531')).toBe(true);
  });
});
