import { View } from '@tarojs/components';
import { useState } from 'react';

import type { StaffCertificateView } from '@titletrack/shared/contract';

import { useOfficeLoad } from '../../../hooks/use-office-load';
import { getCertificates, revokeCertificate } from '../../../services/office-api';
import { toApiError } from '../../../services/http-client';
import type { ApiError } from '../../../services/api-error';
import {
  Button,
  Card,
  ErrorMessage,
  Field,
  LoadState,
  Message,
  ResponsiveTable,
  SectionHeading,
} from '../components/office-ui';
import { OFFICE_TEXT, levelText } from '../office-text';

const TEXT = OFFICE_TEXT.certificates;

export function CertificatesSection(): JSX.Element {
  const [number, setNumber] = useState('');
  const [query, setQuery] = useState('');
  const list = useOfficeLoad(() => getCertificates(query), query);
  const [revoking, setRevoking] = useState<StaffCertificateView | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);

  const revoke = (): void => {
    if (!revoking || reason.trim().length < 2) return;
    setError(null);
    revokeCertificate(revoking.id, reason.trim()).then(
      () => {
        setRevoking(null);
        setReason('');
        setDone(true);
        list.reload();
      },
      (failure: unknown) => setError(toApiError(failure)),
    );
  };

  return (
    <View id="office-certificates">
      <SectionHeading title={TEXT.title} />
      <Card>
        <View className="tt-office-form-row">
          <Field
            id="office-certificate-query"
            label={TEXT.query}
            value={number}
            onChange={setNumber}
          />
        </View>
        <Button size="small" type="primary" onClick={() => setQuery(number.trim())}>
          {OFFICE_TEXT.common.search}
        </Button>
      </Card>
      {done ? <Message tone="ok">{TEXT.revoked}</Message> : null}
      <Card>
        <LoadState load={list} />
        {list.data ? (
          <ResponsiveTable
            id="office-certificate-list"
            columns={[
              { key: 'no', title: TEXT.columns.number, render: (row) => row.certificateNo },
              { key: 'holder', title: TEXT.columns.holder, render: (row) => row.holderNameMasked },
              {
                key: 'level',
                title: TEXT.columns.level,
                isWide: true,
                render: (row) => `${levelText(row.level)} / ${row.specialty}`,
              },
              { key: 'issued', title: TEXT.columns.issuedOn, render: (row) => row.issuedOn },
              {
                key: 'state',
                title: TEXT.columns.state,
                render: (row) =>
                  row.state === 'valid' ? (
                    <Button
                      size="small"
                      className="tt-office-danger"
                      onClick={() => {
                        setDone(false);
                        setRevoking(row);
                      }}
                    >
                      {TEXT.states.valid} · {TEXT.revoke}
                    </Button>
                  ) : (
                    `${TEXT.states[row.state] ?? row.state}：${row.revokedReason ?? ''}`
                  ),
              },
            ]}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={OFFICE_TEXT.common.empty}
          />
        ) : null}
      </Card>
      {revoking ? (
        <Card title={`${TEXT.revoke} ${revoking.certificateNo}`} id="office-certificate-revoke">
          <Field
            id="office-revoke-reason"
            label={TEXT.reason}
            value={reason}
            onChange={setReason}
            isWide
          />
          <ErrorMessage error={error} />
          <View className="tt-office-actions">
            <Button
              className="tt-office-danger"
              disabled={reason.trim().length < 2}
              onClick={revoke}
            >
              {TEXT.revokeConfirm}
            </Button>
            <Button onClick={() => setRevoking(null)}>{OFFICE_TEXT.common.cancel}</Button>
          </View>
        </Card>
      ) : null}
    </View>
  );
}
