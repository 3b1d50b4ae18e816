import { ArrayType, Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Event } from '@mangfold/calendar';

/**
 * One event's VEVENT text in one language, rendered when the event changed and kept, so a feed is
 * its fragments joined. `feedKeys` are the feeds the event is in now: the next change re-renders
 * these as well as the new ones, so an event that leaves a feed leaves it at once.
 */
@Entity({ tableName: 'event_feed_fragment' })
@Unique({ properties: ['event', 'lang'] })
@Index({
  name: 'event_feed_fragment_feed_keys_gin',
  expression: 'create index "event_feed_fragment_feed_keys_gin" on "event_feed_fragment" using gin ("feed_keys")',
})
@Index({ properties: ['expiresAt'] })
export class EventFeedFragment extends BaseEntity {
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @Property({ type: 'string', length: 2 })
  lang!: string;

  /** Folded, CRLF-terminated `BEGIN:VEVENT … END:VEVENT`. */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  feedKeys!: string[];

  /** Feeds list events in start order. */
  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  /** When the event leaves the feeds (31 days after it ended, 30 days after it was cancelled); null: never. */
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  /** The zone its TZIDs name (a VTIMEZONE the feed must carry); null for all-day and UTC events. */
  @Property({ type: 'string', length: 64, nullable: true })
  tzid: string | null = null;

  /** Hash of the data the text was rendered from (and the renderer version): unchanged data, no new text. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'smallint' })
  rendererVersion!: number;

  /** DTSTAMP and LAST-MODIFIED: when what a subscriber sees of the event last changed. */
  @Property({ type: 'timestamptz' })
  modifiedAt!: Date;
}
