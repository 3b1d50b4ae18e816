import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';

/** The published text of one feed in one language, as the api serves it. */
@Entity({ tableName: 'feed_snapshot' })
@Unique({ properties: ['feedKey', 'lang'] })
export class FeedSnapshot extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  feedKey!: string;

  @Property({ type: 'string', length: 2 })
  lang!: string;

  @Property({ type: 'text' })
  body!: string;

  /** Strong ETag (quoted) from a hash of the body. */
  @Property({ type: 'string', length: 64 })
  etag!: string;

  /** Whole seconds, strictly increasing per feed, so If-Modified-Since never hides a change. */
  @Property({ type: 'timestamptz' })
  lastModified!: Date;

  /** Increases with every change of the body; the api reloads when it sees a higher one. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'integer' })
  eventCount!: number;

  @Property({ type: 'integer' })
  byteSize!: number;
}
