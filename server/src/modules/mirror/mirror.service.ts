import { Injectable, Logger } from '@nestjs/common';

import { CERTIFICATE_STATE, FACT_SOURCE, checkMirroredTransition } from '@titletrack/shared/domain';
import type { ApplicantFacts, ApplicationStatus, SourcedFact } from '@titletrack/shared/domain';
import { HOTAN_REGION_CODE } from '@titletrack/shared/region';

import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationRepository } from '../application/application.repository';
import type { NewApplication } from '../application/application.repository';
import { FieldCipher } from '../../common/crypto/field-cipher';
import type { ApplicationEntity } from '../application/application.entity';
import { CertificateRepository } from '../certificate/certificate.repository';
import type { CertificateChanges } from '../certificate/certificate.repository';
import { DomainEventRepository } from '../domain-event/domain-event.repository';
import { DOMAIN_EVENT_KIND } from '../domain-event/domain-event.type';
import type { NewDomainEvent } from '../domain-event/domain-event.type';
import { MirrorRepository } from './mirror.repository';
import { SKIP_REASON } from './status-change.type';
import type {
  ApplyOutcome,
  ChangeSource,
  MirroredApplication,
  PlatformFactValues,
  StatusChange,
} from './status-change.type';

const FRESH_CHUNK = 500;

export interface ApplyOptions {
  // An import applies its file in chunks and logs once for the file.
  isPartOfLargerApply?: boolean;
  // Sees the stored applications the changes would overwrite, locked, before anything is
  // written; false: write nothing of this batch (the caller refuses it). A source whose rows
  // may name someone else's application (a staff import) decides here, where the stored
  // application cannot move under it.
  mayOverwrite?: (stored: ReadonlyMap<string, ApplicationEntity>) => boolean;
}

interface HistoryRow {
  applicationId: number;
  fromStatus: string | null;
  toStatus: string;
  changedAt: Date;
}

type DetailFields = Pick<
  ApplicationEntity,
  | 'applicantName'
  | 'employer'
  | 'county'
  | 'series'
  | 'specialty'
  | 'level'
  | 'route'
  | 'year'
  | 'submissionCount'
  | 'isFeePaid'
>;

function detailsOf(application: MirroredApplication): DetailFields {
  return {
    applicantName: application.applicantName,
    employer: application.employer,
    county: application.county,
    series: application.series,
    specialty: application.specialty,
    level: application.level,
    route: application.route,
    year: application.year,
    submissionCount: application.submissionCount,
    isFeePaid: application.isFeePaid,
  };
}

// The platform's facts after this change: those it states now replace what it said before
// (recorded at the source's time, so saying it again writes nothing); the rest are kept.
function mergedPlatformFacts(
  storedJson: string | null,
  application: MirroredApplication,
): string | null {
  const values = application.platformFacts ?? {};
  const names = Object.keys(values) as Array<keyof PlatformFactValues>;
  if (names.length === 0) return storedJson;
  let stored: ApplicantFacts = {};
  try {
    stored = storedJson ? (JSON.parse(storedJson) as ApplicantFacts) : {};
  } catch {
    stored = {};
  }
  const recordedAt = application.statusChangedAt.toISOString();
  const merged: Record<string, SourcedFact<unknown>> = { ...stored };
  for (const name of names) {
    const value = values[name];
    const previous = merged[name];
    // The same value keeps its first record, so an unchanged re-import writes nothing.
    if (previous && JSON.stringify(previous.value) === JSON.stringify(value)) continue;
    merged[name] = { value, source: FACT_SOURCE.PLATFORM, recordedAt };
  }
  return JSON.stringify(merged);
}

// The fields of `next` that differ from what is stored; a source that did not say (null
// submission count or fee) never erases what another source said.
function changedDetails(stored: ApplicationEntity, next: DetailFields): Partial<DetailFields> {
  const changed: Partial<DetailFields> = {};
  for (const [key, value] of Object.entries(next) as Array<
    [keyof DetailFields, DetailFields[keyof DetailFields]]
  >) {
    if (value === null && (key === 'submissionCount' || key === 'isFeePaid')) continue;
    if (stored[key] !== value) (changed as Record<string, unknown>)[key] = value;
  }
  return changed;
}

// What the platform said beyond the status that differs from what is stored. A return reason
// belongs to one return: a status change replaces it (with none when the source gave none); in
// the same status, only a reason given replaces it.
function platformSaid(
  stored: ApplicationEntity,
  next: MirroredApplication,
  isStatusChange: boolean,
): Partial<Pick<ApplicationEntity, 'returnReason' | 'platformFacts'>> {
  const changed: Partial<Pick<ApplicationEntity, 'returnReason' | 'platformFacts'>> = {};
  const reason = next.returnReason ?? null;
  if ((isStatusChange || reason !== null) && reason !== stored.returnReason)
    changed.returnReason = reason;
  const facts = mergedPlatformFacts(stored.platformFacts, next);
  if (facts !== stored.platformFacts) changed.platformFacts = facts;
  return changed;
}

@Injectable()
export class MirrorService {
  private readonly logger = new Logger(MirrorService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly applications: ApplicationRepository,
    private readonly mirrorRepository: MirrorRepository,
    private readonly domainEvents: DomainEventRepository,
    private readonly cipher: FieldCipher,
    private readonly certificateRepository: CertificateRepository,
  ) {}

  /**
   * The one path of every status change (imports, webhooks, polls): in one transaction, new
   * applications are created, known ones move only along the shared state machine and never
   * back in time, and each change leaves a history row and a domain event.
   */
  apply(
    changes: StatusChange[],
    source: ChangeSource,
    sourceRef: string,
    options: ApplyOptions = {},
  ): Promise<ApplyOutcome> {
    // Joins the caller's write when there is one (an import's, a webhook's, a poll page's).
    return this.unitOfWork.write(() => this.applyIn(changes, source, sourceRef, options));
  }

  private async applyIn(
    changes: StatusChange[],
    source: ChangeSource,
    sourceRef: string,
    { isPartOfLargerApply = false, mayOverwrite }: ApplyOptions,
  ): Promise<ApplyOutcome> {
    const outcome: ApplyOutcome = { created: 0, changed: 0, unchanged: 0, skipped: [] };
    const stored = new Map(
      (
        await this.applications.getByApplicationNosForUpdate(
          changes.map((c) => c.application.applicationNo),
        )
      ).map((a) => [a.applicationNo, a]),
    );
    if (mayOverwrite && !mayOverwrite(stored)) return outcome;
    const history: HistoryRow[] = [];
    const fresh: StatusChange[] = [];

    for (const change of changes) {
      const next = change.application;
      const current = stored.get(next.applicationNo);
      if (!current) {
        fresh.push(change);
        continue;
      }
      const idCard = this.idCardFields(next, current);
      if (next.status === current.status) {
        const details = {
          ...changedDetails(current, detailsOf(next)),
          ...idCard,
          ...platformSaid(current, next, false),
        };
        if (Object.keys(details).length > 0) await this.applications.update(current.id, details);
        outcome.unchanged += 1;
        continue;
      }
      if (next.statusChangedAt.getTime() < current.statusChangedAt.getTime()) {
        outcome.skipped.push({
          ref: change.ref,
          applicationNo: next.applicationNo,
          reason: SKIP_REASON.STALE,
          detail: `${next.status} at ${next.statusChangedAt.toISOString()} is older than ${current.status} at ${current.statusChangedAt.toISOString()}`,
        });
        continue;
      }
      const check = checkMirroredTransition(current.status as ApplicationStatus, next.status);
      if (!check.isAllowed) {
        outcome.skipped.push({
          ref: change.ref,
          applicationNo: next.applicationNo,
          reason: SKIP_REASON.FORBIDDEN_TRANSITION,
          detail: `${current.status} → ${next.status} (${check.reason})`,
        });
        continue;
      }
      const said = platformSaid(current, next, true);
      await this.applications.update(current.id, {
        ...changedDetails(current, detailsOf(next)),
        ...idCard,
        ...said,
        status: next.status,
        statusChangedAt: next.statusChangedAt,
      });
      history.push({
        applicationId: current.id,
        fromStatus: current.status,
        toStatus: next.status,
        changedAt: next.statusChangedAt,
      });
      // A later change in the same batch sees this one.
      stored.set(next.applicationNo, {
        ...current,
        ...said,
        status: next.status,
        statusChangedAt: next.statusChangedAt,
      });
      outcome.changed += 1;
    }

    outcome.created = await this.createFresh(fresh, source, sourceRef);
    await this.recordChanges(history, source, sourceRef);
    const certified = changes.filter((change) => change.application.certificate);
    if (certified.length > 0) await this.applyCertificates(certified, source, sourceRef);
    if (isPartOfLargerApply) return outcome;
    this.logger.log(
      `Applied ${source} ${sourceRef}: ${outcome.created} created, ${outcome.changed} changed, ${outcome.unchanged} unchanged, ${outcome.skipped.length} skipped`,
    );
    return outcome;
  }

  // New applications go in chunks, each with its history and domain events. A chunk is
  // prepared (ID numbers encrypted) while the previous one is being written, so on MySQL the
  // CPU work overlaps with the database's.
  private async createFresh(
    fresh: StatusChange[],
    source: ChangeSource,
    sourceRef: string,
  ): Promise<number> {
    let writing: Promise<void> = Promise.resolve();
    for (let i = 0; i < fresh.length; i += FRESH_CHUNK) {
      // Written out field by field: object spreads here were a tenth of a large import's time.
      const rows = fresh.slice(i, i + FRESH_CHUNK).map(({ application: a }): NewApplication => {
        const idCard = this.idCardFields(a, null);
        return {
          applicationNo: a.applicationNo,
          applicantName: a.applicantName,
          idCardCipher: idCard.idCardCipher as string,
          idCardBlindIndex: idCard.idCardBlindIndex as string,
          employer: a.employer,
          county: a.county,
          regionCode: a.regionCode ?? HOTAN_REGION_CODE,
          series: a.series,
          specialty: a.specialty,
          level: a.level,
          route: a.route,
          year: a.year,
          status: a.status,
          statusChangedAt: a.statusChangedAt,
          submissionCount: a.submissionCount,
          isFeePaid: a.isFeePaid,
          returnReason: a.returnReason ?? null,
          platformFacts: mergedPlatformFacts(null, a),
        };
      });
      await writing;
      writing = this.applications.insertMany(rows).then((inserted) =>
        this.recordChanges(
          inserted.map((application) => ({
            applicationId: application.id,
            fromStatus: null,
            toStatus: application.status,
            changedAt: application.statusChangedAt,
          })),
          source,
          sourceRef,
        ),
      );
    }
    await writing;
    return fresh.length;
  }

  private async recordChanges(
    history: HistoryRow[],
    source: ChangeSource,
    sourceRef: string,
  ): Promise<void> {
    await this.mirrorRepository.insertHistory(history, source, sourceRef);
    await this.domainEvents.append(
      history.map((row) => ({
        kind: DOMAIN_EVENT_KIND.STATUS_CHANGED,
        applicationId: row.applicationId,
        payload: {
          from: row.fromStatus as ApplicationStatus | null,
          to: row.toStatus as ApplicationStatus,
          at: row.changedAt.toISOString(),
          source,
          sourceRef,
        },
      })),
    );
  }

  // A certificate is its own record, keyed by its number: it is created once, its document
  // details follow the platform, and a revocation sticks (only staff could undo one, and there
  // is no such action: a reinstated title gets a new certificate). The certificate repository
  // reads and writes in the open write of the apply.
  private async applyCertificates(
    changes: StatusChange[],
    source: ChangeSource,
    sourceRef: string,
  ): Promise<void> {
    const applicationIds = await this.applications.getIdsByApplicationNos(
      changes.map((change) => change.application.applicationNo),
    );
    const events: NewDomainEvent[] = [];
    for (const { application } of changes) {
      const certificate = application.certificate;
      const applicationId = applicationIds.get(application.applicationNo);
      if (!certificate || applicationId === undefined) continue;
      const stored = await this.certificateRepository.getByNoForUpdate(certificate.certificateNo);
      const document = {
        issuedOn: certificate.issuedOn,
        issuingCommittee: certificate.issuingCommittee,
        qualificationDocumentNo: certificate.qualificationDocumentNo,
        qualificationDocumentDate: certificate.qualificationDocumentDate,
      };
      const origin = { certificateNo: certificate.certificateNo, source, sourceRef };
      if (stored === null) {
        const idCard = this.idCardFields(application, null);
        await this.certificateRepository.create({
          certificateNo: certificate.certificateNo,
          applicationId,
          holderName: application.applicantName,
          holderIdCipher: idCard.idCardCipher as string,
          holderIdBlindIndex: idCard.idCardBlindIndex as string,
          series: application.series,
          specialty: application.specialty,
          level: application.level,
          ...document,
          state: certificate.isRevoked ? CERTIFICATE_STATE.REVOKED : CERTIFICATE_STATE.VALID,
          revokedReason: certificate.isRevoked ? certificate.revokedReason : null,
          revokedAt: certificate.isRevoked ? new Date() : null,
        });
        events.push({
          kind: DOMAIN_EVENT_KIND.CERTIFICATE_READY,
          applicationId,
          payload: { ...origin, issuedOn: certificate.issuedOn },
        });
        continue;
      }
      const changed: CertificateChanges = Object.fromEntries(
        Object.entries(document).filter(
          ([key, value]) => stored[key as keyof typeof document] !== value,
        ),
      );
      const isNewlyRevoked = certificate.isRevoked && stored.state !== CERTIFICATE_STATE.REVOKED;
      if (isNewlyRevoked) {
        Object.assign(changed, {
          state: CERTIFICATE_STATE.REVOKED,
          revokedReason: certificate.revokedReason,
          revokedAt: new Date(),
        } satisfies CertificateChanges);
        events.push({
          kind: DOMAIN_EVENT_KIND.CERTIFICATE_REVOKED,
          applicationId,
          payload: { ...origin, reason: certificate.revokedReason },
        });
      }
      // Nothing changed (the platform said it again): no write.
      await this.certificateRepository.update(stored.id, changed);
    }
    await this.domainEvents.append(events);
  }

  // Re-encrypt only when the number changed (or the stored value uses a retired key): an
  // unchanged number keeps its ciphertext, so a re-import writes nothing.
  private idCardFields(
    { idCardNumber, sealedIdCard }: MirroredApplication,
    current: ApplicationEntity | null,
  ): Partial<Pick<ApplicationEntity, 'idCardCipher' | 'idCardBlindIndex'>> {
    const blindIndex = sealedIdCard?.blindIndex ?? this.cipher.blindIndex(idCardNumber);
    if (
      current &&
      current.idCardBlindIndex === blindIndex &&
      !this.cipher.needsReencryption(current.idCardCipher)
    )
      return {};
    return {
      idCardCipher: sealedIdCard?.cipher ?? this.cipher.encrypt(idCardNumber),
      idCardBlindIndex: blindIndex,
    };
  }
}
