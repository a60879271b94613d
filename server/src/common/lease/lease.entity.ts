import { Column, Entity, PrimaryColumn } from 'typeorm';

// A named, time-limited claim that lets one server instance run a job (the platform poller, the
// reminder planner) while the others skip it. A holder that dies simply lets its lease expire.
@Entity('lease')
export class LeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  // `<hostname>:<pid>:<random>`, so a log line says which instance holds it.
  @Column({ type: 'varchar', length: 200 })
  holder: string;

  // Whole seconds (MySQL's datetime has no fraction), UTC.
  @Column({ type: 'datetime' })
  expiresAt: Date;
}
