import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { User } from './user.entity';

/**
 * A portal session: the browser holds a random token in one HttpOnly cookie, the server keeps only
 * its SHA-256 here, so logging out, a password change, a removal or a suspension ends it at once.
 */
@Entity({ tableName: 'web_session' })
export class WebSession extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: Rel<User>;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  /** Sent back in every portal form; a request from another site cannot know it. */
  @Property({ type: 'string', length: 64 })
  csrfToken!: string;

  /** The user's tokenVersion at login: a password change or reset bumps it and ends the session. */
  @Property({ type: 'integer' })
  tokenVersion!: number;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSeenAt!: Date;
}
