import { View } from '@tarojs/components';
import { useState } from 'react';

import { STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal, StaffRole } from '@titletrack/shared/contract';

import { useOfficeLoad } from '../../../hooks/use-office-load';
import { createStaffUser, getStaffUsers } from '../../../services/office-api';
import { toApiError } from '../../../services/http-client';
import type { ApiError } from '../../../services/api-error';
import {
  Button,
  Card,
  Choice,
  ErrorMessage,
  Field,
  LoadState,
  Message,
  ResponsiveTable,
  SectionHeading,
} from '../components/office-ui';
import { OFFICE_TEXT } from '../office-text';
import { REGION_OPTIONS } from './region-year';

const TEXT = OFFICE_TEXT.staff;
const ROLE_OPTIONS = Object.values(STAFF_ROLE).map((role) => ({
  value: role,
  label: OFFICE_TEXT.roles[role],
}));

export function StaffSection({ staff }: { staff: StaffPrincipal }): JSX.Element {
  const list = useOfficeLoad(getStaffUsers, 'staff');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>(STAFF_ROLE.COUNTY_HR_BUREAU);
  const [password, setPassword] = useState('');
  const [regionCode, setRegionCode] = useState(staff.regionCode);
  const [county, setCounty] = useState('');
  const [series, setSeries] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const create = (): void => {
    if (password.length < 12) {
      setProblem(TEXT.passwordShort);
      return;
    }
    setProblem(null);
    setError(null);
    setDone(false);
    createStaffUser({
      username: username.trim(),
      displayName: displayName.trim(),
      role,
      password,
      regionCode,
      county: role === STAFF_ROLE.COUNTY_HR_BUREAU ? county.trim() || null : null,
      series: role === STAFF_ROLE.SERIES_AUTHORITY ? series.trim() || null : null,
    }).then(
      () => {
        setDone(true);
        setPassword('');
        list.reload();
      },
      (failure: unknown) => setError(toApiError(failure)),
    );
  };

  return (
    <View id="office-staff">
      <SectionHeading title={TEXT.title} />
      <Card>
        <LoadState load={list} />
        {list.data ? (
          <ResponsiveTable
            id="office-staff-list"
            columns={[
              { key: 'username', title: TEXT.username, render: (row) => row.username },
              { key: 'name', title: TEXT.displayName, render: (row) => row.displayName },
              { key: 'role', title: TEXT.role, render: (row) => OFFICE_TEXT.roles[row.role] },
              {
                key: 'scope',
                title: OFFICE_TEXT.common.region,
                isWide: true,
                render: (row) =>
                  [
                    REGION_OPTIONS.find((option) => option.value === row.regionCode)?.label ??
                      row.regionCode,
                    row.county,
                    row.series,
                  ]
                    .filter(Boolean)
                    .join(' · '),
              },
              {
                key: 'active',
                title: '',
                render: (row) => (row.isActive ? TEXT.active : TEXT.inactive),
              },
            ]}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={OFFICE_TEXT.common.empty}
          />
        ) : null}
      </Card>
      <Card title={TEXT.create}>
        <View className="tt-office-form-row">
          <Field
            id="office-staff-username"
            label={TEXT.username}
            value={username}
            onChange={setUsername}
          />
          <Field
            id="office-staff-name"
            label={TEXT.displayName}
            value={displayName}
            onChange={setDisplayName}
          />
          <Choice
            id="office-staff-role"
            label={TEXT.role}
            value={role}
            options={ROLE_OPTIONS}
            onChange={setRole}
          />
          <Choice
            id="office-staff-region"
            label={OFFICE_TEXT.common.region}
            value={regionCode}
            options={REGION_OPTIONS}
            onChange={setRegionCode}
          />
          {role === STAFF_ROLE.COUNTY_HR_BUREAU ? (
            <Field
              id="office-staff-county"
              label={TEXT.county}
              value={county}
              onChange={setCounty}
            />
          ) : null}
          {role === STAFF_ROLE.SERIES_AUTHORITY ? (
            <Field
              id="office-staff-series"
              label={TEXT.series}
              value={series}
              onChange={setSeries}
            />
          ) : null}
          <Field
            id="office-staff-password"
            label={TEXT.password}
            value={password}
            type="password"
            onChange={setPassword}
          />
        </View>
        {problem ? <Message tone="error">{problem}</Message> : null}
        <ErrorMessage error={error} />
        {done ? <Message tone="ok">{TEXT.created}</Message> : null}
        <Button type="primary" disabled={!username.trim() || !displayName.trim()} onClick={create}>
          {TEXT.create}
        </Button>
      </Card>
    </View>
  );
}
