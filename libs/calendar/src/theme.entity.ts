import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';
import { Event } from './event.entity';

/**
 * What an event is about in the work plan's terms (employment and outreach methods, crime
 * prevention, project management, …). A list admins extend; slugs are persistent (KPIs, feeds and
 * filters name them), names may change.
 */
@Entity({ tableName: 'theme' })
export class Theme extends BaseEntity {
  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;

  @Property({ type: 'json' })
  name!: LocalizedText;

  @Property({ type: 'smallint', default: 0 })
  sortOrder: Opt<number> = 0;
}

/** An event's theme; an event may have several. */
@Entity({ tableName: 'event_theme' })
@Unique({ properties: ['event', 'theme'] })
export class EventTheme extends BaseEntity {
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @ManyToOne(() => Theme, { deleteRule: 'cascade' })
  @Index()
  theme!: Rel<Theme>;
}
