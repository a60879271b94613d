import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
import type { Repository } from 'typeorm';

import { insertRows } from '../../database/bulk-insert';
import { UnitOfWork } from '../../database/unit-of-work';
import { DomainEventEntity } from './domain-event.entity';
import type { DomainEvent, DomainEventKind, NewDomainEvent } from './domain-event.type';

const COLUMNS = ['kind', 'applicationId', 'payload'] as const;

@Injectable()
export class DomainEventRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get events(): Repository<DomainEventEntity> {
    return this.unitOfWork.repository(DomainEventEntity);
  }

  // In the caller's transaction, so an event commits with the change it describes. Plain
  // multi-row INSERTs: a large import appends hundreds of thousands.
  async append(events: NewDomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.unitOfWork.write((manager) =>
      insertRows(
        manager,
        'domain_event',
        COLUMNS,
        events.map((event) => [event.kind, event.applicationId, JSON.stringify(event.payload)]),
      ),
    );
  }

  // Events of the given kinds after `position`, oldest first.
  async getAfter(
    position: number,
    kinds: readonly DomainEventKind[],
    limit: number,
  ): Promise<DomainEvent[]> {
    if (kinds.length === 0) return [];
    const rows = await this.events.find({
      where: { id: MoreThan(position), kind: In([...kinds]) },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map(
      (row) =>
        ({
          id: Number(row.id),
          kind: row.kind,
          applicationId: Number(row.applicationId),
          payload: JSON.parse(row.payload) as unknown,
          createdAt: row.createdAt,
        }) as DomainEvent,
    );
  }
}
