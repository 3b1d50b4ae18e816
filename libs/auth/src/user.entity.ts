import { Entity, Enum, Index, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';

export enum Role {
  ADMIN = 'ADMIN',
  ASSOCIATION_MEMBER = 'ASSOCIATION_MEMBER',
}

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  /** Stored lower-cased; unique regardless of the case it was typed in. */
  @Property({ type: 'string', length: 254 })
  @Unique()
  email!: string;

  /** scrypt with a per-user salt, self-describing (see password-hasher.ts). */
  @Property({ type: 'string', length: 255, hidden: true, lazy: true })
  passwordHash!: string;

  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  @Index()
  role: Opt<Role> = Role.ASSOCIATION_MEMBER;

  @Property({ type: 'string', length: 200, nullable: true })
  name: string | null = null;

  /** Language of the emails this user receives. */
  @Property({ type: 'string', length: 8, default: 'da' })
  locale: Opt<string> = 'da';

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null = null;

  /** Bumped on password change or reset; tokens issued before it stop working. */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: Opt<number> = 0;
}
