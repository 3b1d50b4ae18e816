import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';
import { Event } from '@mangfold/calendar';

/*
 * The seminar package of the work plan: speakers TFI can offer seminars and network meetings,
 * materials to hand out, and the catalogue of good advice and pitfalls.
 */

/** A speaker; the contact details are for members and admins only. */
@Entity({ tableName: 'speaker' })
export class Speaker extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  organisation: string | null = null;

  @Property({ type: 'json' })
  topics: Opt<string[]> = [];

  @Property({ type: 'string', length: 254, nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone: string | null = null;
}

/** A speaker at a seminar or network meeting. */
@Entity({ tableName: 'event_speaker' })
@Unique({ properties: ['event', 'speaker'] })
export class EventSpeaker extends BaseEntity {
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @ManyToOne(() => Speaker, { deleteRule: 'cascade' })
  @Index()
  speaker!: Rel<Speaker>;
}

/** Material of the seminar package: a link, or a file kept here (size- and type-checked). */
@Entity({ tableName: 'material' })
export class Material extends BaseEntity {
  @Property({ type: 'json' })
  title!: LocalizedText;

  @Property({ type: 'string', length: 500, nullable: true })
  url: string | null = null;

  @ManyToOne(() => Event, { nullable: true, deleteRule: 'set null' })
  @Index()
  event: Rel<Event> | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  fileName: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  contentType: string | null = null;

  @Property({ type: 'integer', nullable: true })
  size: number | null = null;

  /** The file's bytes; loaded only when served. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  content: Buffer | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;
}

export enum AdviceKind {
  ADVICE = 'ADVICE',
  PITFALL = 'PITFALL',
}

/** One item of the "good advice and pitfalls" catalogue. */
@Entity({ tableName: 'advice_item' })
export class AdviceItem extends BaseEntity {
  @Enum({ items: () => AdviceKind, nativeEnumName: 'advice_kind' })
  kind!: AdviceKind;

  @Property({ type: 'json' })
  title!: LocalizedText;

  @Property({ type: 'json' })
  body!: LocalizedText;

  @Property({ type: 'smallint', default: 0 })
  sortOrder: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;
}
