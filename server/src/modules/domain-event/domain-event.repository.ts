import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
import type { Repository } from 'typeorm';

import { MAX_PARAMETERS, placeholders, quote } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { DomainEventEntity } from './domain-event.entity';
import type { DomainEvent, DomainEventKind, NewDomainEvent } from './domain-event.type';

const COLUMNS = ['kind', 'applicationId', 'payload'] as const;
const ROWS_PER_STATEMENT = Math.min(500, Math.floor(MAX_PARAMETERS / COLUMNS.length));

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
    await this.unitOfWork.write(async (manager) => {
      const head = `INSERT INTO ${quote(manager, 'domain_event')} (${COLUMNS.map((c) => quote(manager, c)).join(', ')}) VALUES `;
      for (let i = 0; i < events.length; i += ROWS_PER_STATEMENT) {
        const chunk = events.slice(i, i + ROWS_PER_STATEMENT);
        await manager.query(
          head + chunk.map(() => `(${placeholders(COLUMNS.length)})`).join(', '),
          chunk.flatMap((event) => [
            event.kind,
            event.applicationId,
            JSON.stringify(event.payload),
          ]),
        );
      }
    });
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
