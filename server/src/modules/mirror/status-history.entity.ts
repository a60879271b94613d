import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';
import { ApplicationEntity } from '../application/application.entity';

// Every status an application went through, with where the news came from.
@Entity('status_history')
@Index('IDX_status_history_application', ['applicationId', 'changedAt'])
export class StatusHistoryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId', foreignKeyConstraintName: 'FK_status_history_application' })
  application?: ApplicationEntity;

  // Null for the first status the mirror saw.
  @Column({ type: 'varchar', length: 40, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 40 })
  toStatus: string;

  @Column({ type: 'datetime' })
  changedAt: Date;

  // import | webhook | poll | staff
  @Column({ type: 'varchar', length: 16 })
  source: string;

  // Which import batch or platform event brought it.
  @Column({ type: 'varchar', length: 100 })
  sourceRef: string;

  @CreatedAtColumn()
  createdAt: Date;
}
