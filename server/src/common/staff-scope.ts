import { STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';
import { assertUnreachable } from '@titletrack/shared/domain';
import { XINJIANG } from '@titletrack/shared/region';

// What a scope decision looks at: where a record belongs.
export interface ScopedRecord {
  regionCode: string;
  county: string | null;
  series: string | null;
}

// The same decision as a repository filter: null means "any". A repository turns it into
// WHERE clauses (regionCode = ?, county = ?, series = ?).
export interface StaffScopeFilter {
  regionCode: string | null;
  county: string | null;
  series: string | null;
}

type ScopedStaff = Pick<StaffPrincipal, 'role' | 'regionCode' | 'county' | 'series'>;

// The autonomous region's office oversees every prefecture; every other account its own.
export const isRegionWide = (staff: Pick<StaffPrincipal, 'regionCode'>): boolean =>
  staff.regionCode === XINJIANG.code;

// A region's notices are its own office's to draft and publish: the autonomous region's office
// publishes the autonomous region's ('65'), never a prefecture's.
export const isOwnNoticeRegion = (
  staff: Pick<StaffPrincipal, 'regionCode'>,
  regionCode: string,
): boolean => staff.regionCode === regionCode;

export function isRegionInStaffScope(staff: ScopedStaff, regionCode: string): boolean {
  return isRegionWide(staff) || staff.regionCode === regionCode;
}

// Where a staff account may look: its region; a county HR bureau only its county, a series
// authority only its series. An account of those roles without its county or series sees
// nothing rather than everything.
export function staffScopeFilter(staff: ScopedStaff): StaffScopeFilter {
  const regionCode = isRegionWide(staff) ? null : staff.regionCode;
  switch (staff.role) {
    case STAFF_ROLE.PREFECTURE_OFFICE:
      return { regionCode, county: null, series: null };
    case STAFF_ROLE.COUNTY_HR_BUREAU:
      return { regionCode, county: staff.county ?? '', series: null };
    case STAFF_ROLE.SERIES_AUTHORITY:
      return { regionCode, series: staff.series ?? '', county: null };
    default:
      return assertUnreachable(staff.role);
  }
}

export function isInStaffScope(staff: ScopedStaff, record: ScopedRecord): boolean {
  const filter = staffScopeFilter(staff);
  return (
    (filter.regionCode === null || filter.regionCode === record.regionCode) &&
    (filter.county === null || filter.county === record.county) &&
    (filter.series === null || filter.series === record.series)
  );
}
