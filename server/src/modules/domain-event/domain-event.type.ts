import type { ApplicationStatus } from '@titletrack/shared/domain';

export const DOMAIN_EVENT_KIND = {
  STATUS_CHANGED: 'status_changed',
  // The e-certificate exists: the holder's "e-certificate ready" alert.
  CERTIFICATE_READY: 'certificate_ready',
  CERTIFICATE_REVOKED: 'certificate_revoked',
} as const;
export type DomainEventKind = (typeof DOMAIN_EVENT_KIND)[keyof typeof DOMAIN_EVENT_KIND];

// Who caused the event: an import batch, a webhook delivery, a poll page, or a staff member.
interface EventSource {
  source: string;
  sourceRef?: string;
  staffUserId?: number;
}

export interface DomainEventPayloads {
  status_changed: EventSource & {
    from: ApplicationStatus | null;
    to: ApplicationStatus;
    at: string;
  };
  // `issuedOn` is the certificate's own issue date (YYYY-MM-DD), not the moment it was mirrored.
  certificate_ready: EventSource & { certificateNo: string; issuedOn: string };
  certificate_revoked: EventSource & { certificateNo: string; reason: string | null };
}

export type NewDomainEvent = {
  [K in DomainEventKind]: { kind: K; applicationId: number; payload: DomainEventPayloads[K] };
}[DomainEventKind];

export type DomainEvent = NewDomainEvent & { id: number; createdAt: Date };
