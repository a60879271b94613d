import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

import { Injectable, Logger } from '@nestjs/common';

import { LeaseRepository } from './lease.repository';

// A holder id unique to this process: the hostname and pid say where, the random part tells a
// restarted process (same pid in a new container) from its predecessor.
export function newLeaseHolderId(): string {
  return `${hostname().slice(0, 150)}:${process.pid}:${randomBytes(6).toString('hex')}`;
}

@Injectable()
export class LeaseService {
  private readonly logger = new Logger(LeaseService.name);

  constructor(private readonly leaseRepository: LeaseRepository) {}

  // Acquires the lease, or renews it when `holder` has it already; false while another holder's
  // lease runs. Times come from the caller's clock, so instances should keep theirs in sync
  // (NTP); a TTL far above the skew keeps that harmless.
  async tryAcquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    // Whole seconds, rounded down: MySQL would round a fraction up and MariaDB cut it, so the
    // stored expiry is never later than the one asked for.
    const expiresAt = new Date(Math.floor((now.getTime() + ttlMs) / 1000) * 1000);
    if (await this.leaseRepository.createIfAbsent({ name, holder, expiresAt })) return true;
    await this.leaseRepository.takeOverIfExpiredOrMine(name, holder, expiresAt, now);
    const lease = await this.leaseRepository.getByName(name);
    const isMine = lease?.holder === holder;
    if (!isMine)
      this.logger.debug(
        `Lease ${name} is held by ${lease?.holder ?? 'nobody (released meanwhile)'}`,
      );
    return isMine;
  }

  // Lets another instance take the lease at once instead of waiting for it to expire. Only the
  // holder's own row is deleted: a lease taken over meanwhile stays with its new holder.
  async release(name: string, holder: string): Promise<void> {
    await this.leaseRepository.delete(name, holder);
  }
}
