import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, type EntityManager, type Opt } from '@mikro-orm/core';

/** Who changed what and when; written in the same transaction as the change. */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Opt<Date> = new Date();

  /** The user who acted; null for the system (jobs, seeders) and anonymous callers. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'string', length: 64 })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'json', nullable: true })
  changes: Record<string, unknown> | null = null;
}

export function audit(
  em: EntityManager,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string; changes?: Record<string, unknown> },
): AuditEntry {
  const row = new AuditEntry();
  Object.assign(row, { ...entry, changes: entry.changes ?? null });
  em.persist(row);
  return row;
}
