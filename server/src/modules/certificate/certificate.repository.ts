import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import type { Repository } from 'typeorm';

import { CERTIFICATE_STATE } from '@titletrack/shared/domain';

import { hasRowLocks, placeholders } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { newCertificatePublicId } from './certificate-code';
import { CertificateEntity } from './certificate.entity';

// What a new certificate is written with; its public id is drawn here, where the row is made.
export type NewCertificate = Omit<
  CertificateEntity,
  'id' | 'publicId' | 'createdAt' | 'updatedAt' | 'application'
>;

// What may change on a stored certificate: the platform's document details and the revocation.
export type CertificateChanges = Partial<
  Pick<
    CertificateEntity,
    | 'issuedOn'
    | 'issuingCommittee'
    | 'qualificationDocumentNo'
    | 'qualificationDocumentDate'
    | 'state'
    | 'revokedReason'
    | 'revokedAt'
  >
>;

const STAFF_SEARCH_LIMIT = 50;

@Injectable()
export class CertificateRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get certificates(): Repository<CertificateEntity> {
    return this.unitOfWork.repository(CertificateEntity);
  }

  getById(id: number): Promise<CertificateEntity | null> {
    return this.certificates.findOneBy({ id });
  }

  getByPublicId(publicId: string): Promise<CertificateEntity | null> {
    return this.certificates.findOneBy({ publicId });
  }

  // Newest first.
  getByApplicationIds(applicationIds: number[]): Promise<CertificateEntity[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.certificates.find({
      where: { applicationId: In(applicationIds) },
      order: { id: 'DESC' },
    });
  }

  // The issue date of each application's latest certificate, revoked or not: that it was issued
  // stays true after a revocation.
  async getIssueDatesByApplicationIds(applicationIds: number[]): Promise<Map<number, string>> {
    const dates = new Map<number, string>();
    if (applicationIds.length === 0) return dates;
    const rows = await this.unitOfWork.readRows<{
      applicationId: number | string;
      issuedOn: string;
    }>(
      `SELECT applicationId, issuedOn FROM certificate WHERE applicationId IN (${placeholders(applicationIds.length)}) ORDER BY id ASC`,
      applicationIds,
    );
    for (const row of rows) dates.set(Number(row.applicationId), row.issuedOn);
    return dates;
  }

  // Locked to the end of the caller's transaction, so two instances applying news about the
  // same certificate take turns (SQLite has no row locks: its writer queue serialises instead).
  getByNoForUpdate(certificateNo: string): Promise<CertificateEntity | null> {
    const query = this.certificates.createQueryBuilder('certificate').where({ certificateNo });
    if (hasRowLocks(this.unitOfWork.manager)) query.setLock('pessimistic_write');
    return query.getOne();
  }

  // Locked like getByNoForUpdate: the holder's share links of one certificate are made one at
  // a time.
  getByIdForUpdate(id: number): Promise<CertificateEntity | null> {
    const query = this.certificates.createQueryBuilder('certificate').where({ id });
    if (hasRowLocks(this.unitOfWork.manager)) query.setLock('pessimistic_write');
    return query.getOne();
  }

  // With the application it was issued for (its number is what staff search by).
  getByIdWithApplication(id: number): Promise<CertificateEntity | null> {
    return this.certificates.findOne({ where: { id }, relations: { application: true } });
  }

  // The newest, or those whose certificate or application number is `number`.
  search(filter: { number?: string }): Promise<CertificateEntity[]> {
    const query = this.certificates
      .createQueryBuilder('certificate')
      .leftJoinAndSelect('certificate.application', 'application')
      .orderBy('certificate.id', 'DESC')
      .take(STAFF_SEARCH_LIMIT);
    if (filter.number !== undefined) {
      query.where('certificate.certificateNo = :number OR application.applicationNo = :number', {
        number: filter.number,
      });
    }
    return query.getMany();
  }

  async create(certificate: NewCertificate): Promise<void> {
    await this.unitOfWork.write(() =>
      this.certificates.insert({ ...certificate, publicId: newCertificatePublicId() }),
    );
  }

  async update(id: number, changes: CertificateChanges): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.unitOfWork.write(() => this.certificates.update({ id }, changes));
  }

  // False when it was revoked already: of two revocations at once, only one is recorded.
  async revoke(id: number, reason: string, at: Date): Promise<boolean> {
    const result = await this.unitOfWork.write(() =>
      this.certificates.update(
        { id, state: Not(CERTIFICATE_STATE.REVOKED) },
        { state: CERTIFICATE_STATE.REVOKED, revokedReason: reason, revokedAt: at },
      ),
    );
    return (result.affected ?? 0) > 0;
  }
}
