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

  /** The UTF-8 text, gzipped: a sixth of the bytes to write and read, and ready for gzip clients. */
  @Property({ type: 'blob' })
  bodyGzip!: Buffer;

  /** Strong ETag (quoted) from a hash of the (uncompressed) body. */
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

  /** Bytes of the uncompressed body. */
  @Property({ type: 'integer' })
  byteSize!: number;
}
