import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';

// The outbox of the reminder pipeline: one row per alert `alertsDue` produced. The
// unique dedupe key makes planning idempotent however many times or instances plan it.
@Entity('reminder_alert')
@Index('IDX_reminder_alert_application', ['applicationId', 'kind'])
export class ReminderAlertEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_reminder_alert_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 160 })
  dedupeKey: string;

  // Null for an alert about a notice rather than an application (notice_published).
  @Column({ type: 'int', nullable: true })
  applicationId: number | null;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 8 })
  ruleId: string;

  @Column({ type: 'varchar', length: 40 })
  section: string;

  @Column({ type: 'datetime', nullable: true })
  deadline: Date | null;

  // The alert's data as JSON.
  @Column({ type: 'text' })
  data: string;

  @CreatedAtColumn()
  createdAt: Date;
}

// One alert for one bound applicant: the in-app inbox message, and the state of its WeChat push
// (pushState: pending | claimed | sending | sent | no_subscription | refused | outcome_unknown |
// failed | not_applicable; claimed and sending show as pending on the wire).
@Entity('inbox_message')
@Index('IDX_inbox_message_alert_applicant', ['alertId', 'applicantId'], { unique: true })
@Index('IDX_inbox_message_applicant', ['applicantId', 'id'])
@Index('IDX_inbox_message_push', ['pushState', 'pushNotBefore', 'id'])
@Index('IDX_inbox_message_application', ['applicationId'])
@Index('IDX_inbox_message_claim', ['claimToken'])
export class InboxMessageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  alertId: number;

  @Column({ type: 'int' })
  applicantId: number;

  @Column({ type: 'int', nullable: true })
  applicationId: number | null;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;

  @Column({ type: 'varchar', length: 20 })
  pushState: string;

  @Column({ type: 'int', default: 0 })
  pushAttempts: number;

  @Column({ type: 'datetime' })
  pushNotBefore: Date;

  @Column({ type: 'varchar', length: 40, nullable: true })
  claimToken: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimExpiresAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  pushError: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  wechatMsgId: string | null;

  @Column({ type: 'datetime', nullable: true })
  pushedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}

// Send credits per applicant and template: WeChat has no API to read them, so they are counted
// (each accept adds one; each send that may have reached WeChat spends one).
@Entity('subscription_credit')
@Index('IDX_subscription_credit_key', ['applicantId', 'templateId'], { unique: true })
export class SubscriptionCreditEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicantId: number;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  credits: number;

  @Column({ type: 'int', default: 0 })
  acceptedTotal: number;

  // The user switched this template off in WeChat's settings (subscribe_msg_change_event).
  @Column({ type: 'boolean', default: false })
  isSwitchedOff: boolean;

  @UpdatedAtColumn()
  updatedAt: Date;
}

@Entity('subscription_switch')
export class SubscriptionSwitchEntity {
  @PrimaryColumn({ type: 'int' })
  applicantId: number;

  // requestSubscribeMessage failed with 20004: the user's main switch is off.
  @Column({ type: 'boolean', default: false })
  isMainSwitchOff: boolean;

  @UpdatedAtColumn()
  updatedAt: Date;
}

// The planner's position in domain_event.
@Entity('reminder_cursor')
export class ReminderCursorEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'int', default: 0 })
  position: number;

  @UpdatedAtColumn()
  updatedAt: Date;
}
