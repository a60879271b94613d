import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';

// Recorded in the same transaction as the change it describes; the reminder planner reads the
// kinds it needs after its cursor. `kind` and `payload` follow DomainEvent in domain-event.type.
@Entity('domain_event')
@Index('IDX_domain_event_kind', ['kind', 'id'])
export class DomainEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'int' })
  applicationId: number;

  // JSON, stored as text on both databases.
  @Column({ type: 'text' })
  payload: string;

  @CreatedAtColumn()
  createdAt: Date;
}
