import { Injectable } from '@nestjs/common';
import { EntityManager, raw } from '@mikro-orm/postgresql';
import { Event, type EventRecord, isPublic, occurrencesOf, seriesOf } from '@mangfold/calendar';
import { plainRecords } from '@mangfold/db';
import type { EventPageEvent, Named } from '../pages/event.page';

const NEXT_DATES = 6;

/** What the event page names besides the event's own columns, as JSON beside them. */
const EVENT_PAGE_RELATIONS = `
  (select json_build_object('slug', d.slug, 'name', d.name) from district d where d.id = e.district_id) as district_view,
  (select json_build_object('slug', h.slug, 'name', h.name) from housing_area h where h.id = e.housing_area_id) as housing_area_view,
  (select json_build_object('slug', o.slug, 'name', o.name) from occasion o where o.id = e.occasion_id) as occasion_view,
  (select json_agg(json_build_object('slug', a.slug, 'name', a.name, 'primary', eo.role = 'PRIMARY'))
     from event_organizer eo join association a on a.id = eo.association_id
    where eo.event_id = e.id and eo.status = 'ACCEPTED') as organisers_view`;

/** What the public page of one event shows, read for it. */
@Injectable()
export class EventPageData {
  constructor(private readonly em: EntityManager) {}

  /**
   * The event with everything its page shows, or null when it is not public: one statement, read as
   * a plain record (hydrating the entity and its relations cost several times the query).
   */
  async load(slug: string) {
    const rows = await this.em
      .createQueryBuilder(Event, 'e')
      .select(['*', raw(EVENT_PAGE_RELATIONS)])
      .where({ slug })
      .limit(1)
      .execute<Record<string, unknown>[]>('all');
    const row = rows[0];
    if (!row) return null;
    const [record] = plainRecords<EventRecord>(this.em.getMetadata().get(Event.name), [row]);
    if (!isPublic(record)) return null;
    const event: EventPageEvent = {
      ...record,
      district: (row.district_view as Named | null) ?? null,
      housingArea: (row.housing_area_view as Named | null) ?? null,
      occasion: (row.occasion_view as Named | null) ?? null,
    };
    const organisers = ((row.organisers_view as { name: string; slug: string; primary: boolean }[] | null) ?? []).sort(
      (a, b) => Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name, 'da'),
    );
    const now = new Date();
    const upcoming = event.recurrence ? occurrencesOf(seriesOf(record), { from: now, limit: NEXT_DATES + 1 }) : [];
    const occurrence = upcoming[0] ?? { startsAt: event.startsAt, endsAt: event.endsAt };
    return { event, organisers, occurrence, nextDates: upcoming.slice(1), now };
  }
}
