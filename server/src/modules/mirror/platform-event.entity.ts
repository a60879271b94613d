import { Entity, Index, PrimaryColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';

// Webhook event ids already processed: a replay is acknowledged and changes nothing.
@Entity('platform_event')
export class PlatformEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  eventId: string;

  @Index('IDX_platform_event_received_at')
  @CreatedAtColumn()
  receivedAt: Date;
}
