import { Entity, Index, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';

/**
 * Publishing bookkeeping of one feed. Every change that affects the feed bumps `wantedVersion` in
 * its own transaction; a render records the version it saw in `renderedVersion`. Whatever a
 * debounced job misses, the worker's sweep finds as wanted > rendered.
 */
@Entity({ tableName: 'feed_state' })
@Index({ properties: ['subjectId'] })
export class FeedState extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  @Unique()
  feedKey!: string;

  /** The district, association, occasion or event the feed is about (found again after a slug change). */
  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null = null;

  @Property({ type: 'integer', default: 0 })
  wantedVersion: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  renderedVersion: Opt<number> = 0;

  /** When wantedVersion last went up. */
  @Property({ type: 'timestamptz', nullable: true })
  dirtyAt: Date | null = null;

  /** When the window moves past one of its events, so the feed must be rendered again. */
  @Property({ type: 'timestamptz', nullable: true })
  @Index()
  validUntil: Date | null = null;
}
