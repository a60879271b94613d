import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';

// A sign-in, shared by every server instance through the database. Only a SHA-256 of the
// token is stored, so a leaked table cannot be replayed.
@Entity('auth_session')
@Index('IDX_auth_session_subject', ['subjectKind', 'subjectId'])
export class AuthSessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_auth_session_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 16 })
  subjectKind: string;

  @Column({ type: 'int' })
  subjectId: number;

  @Index('IDX_auth_session_expires_at')
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @CreatedAtColumn()
  createdAt: Date;
}
