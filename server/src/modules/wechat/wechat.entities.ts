import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';

// The access token of /cgi-bin/stable_token, shared by every instance through the database.
@Entity('wechat_access_token')
export class WechatAccessTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  appId: string;

  @Column({ type: 'text' })
  token: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

// One record of WeChat's message push (subscribe_msg_popup_event / _change_event / _sent_event),
// one row per List item; the dedupe key drops WeChat's retries of the same push.
@Entity('wechat_event')
export class WechatEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_wechat_event_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 160 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 40 })
  event: string;

  @Column({ type: 'varchar', length: 64 })
  openId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  status: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  msgId: string | null;

  @Column({ type: 'int', nullable: true })
  errorCode: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}

// A message push already taken, by its timestamp and nonce: kept while that timestamp would still
// pass the freshness window, so a captured push URL is refused on every instance, not only the
// one that saw it first.
@Entity('wechat_push_nonce')
export class WechatPushNonceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  // sha256 hex of timestamp and nonce: WeChat does not bound the nonce's length.
  @Index('IDX_wechat_push_nonce_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  nonceKey: string;

  @Index('IDX_wechat_push_nonce_expires_at')
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @CreatedAtColumn()
  createdAt: Date;
}
