import { REGIONS } from '@titletrack/shared/region';

import { Choice, Field } from '../components/office-ui';
import { OFFICE_TEXT } from '../office-text';

export const REGION_OPTIONS = REGIONS.map((region) => ({ value: region.code, label: region.name }));

// The Beijing year now: notices are filed by the year they are for.
export const currentBeijingYear = (): number =>
  new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

export function RegionYear({
  idPrefix,
  regionCode,
  year,
  onRegion,
  onYear,
}: {
  idPrefix: string;
  regionCode: string;
  year: string;
  onRegion: (code: string) => void;
  onYear: (year: string) => void;
}): JSX.Element {
  return (
    <>
      <Choice
        id={`${idPrefix}-region`}
        label={OFFICE_TEXT.common.region}
        value={regionCode}
        options={REGION_OPTIONS}
        onChange={onRegion}
      />
      <Field
        id={`${idPrefix}-year`}
        label={OFFICE_TEXT.common.year}
        value={year}
        type="number"
        onChange={onYear}
      />
    </>
  );
}
