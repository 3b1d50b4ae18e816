import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { Event, EventStatus, OrganizerRole, OrganizerStatus } from '@mangfold/calendar';
import { LANGUAGES } from '@mangfold/db';
import { EventFeedFragment } from './event-feed-fragment.entity';
import { RENDERER_VERSION, feedRefsOf, fragmentZone, renderEventFragment, type FeedEventData } from './event-fragment';
import { feedKey } from './feed-keys';

const DAY_MS = 24 * 3600_000;
/** Ended events stay in the feeds this long, so last month's events do not vanish from calendars. */
export const ENDED_EVENTS_KEPT_DAYS = 31;
/** Cancelled events stay this long with STATUS:CANCELLED, so subscribers see the cancellation. */
export const CANCELLED_EVENTS_KEPT_DAYS = 30;

/** An event as the feeds show it, and until when; null when it is in no feed. */
export interface FeedView {
  data: FeedEventData;
  expiresAt: Date | null;
}

/** Whether and how an event appears in the public feeds at `now`. */
export function feedViewOf(event: Event, now: Date): FeedView | null {
  const cancelled = event.status === EventStatus.CANCELLED;
  if (event.status !== EventStatus.PUBLISHED && !(cancelled && event.publishedAt)) return null;
  const lastEnd = event.recurrence ? event.lastEndsAt : (event.lastEndsAt ?? event.endsAt);
  let expiresAt = lastEnd ? new Date(lastEnd.getTime() + ENDED_EVENTS_KEPT_DAYS * DAY_MS) : null;
  if (cancelled) {
    const until = new Date((event.cancelledAt ?? now).getTime() + CANCELLED_EVENTS_KEPT_DAYS * DAY_MS);
    if (!expiresAt || until < expiresAt) expiresAt = until;
  }
  if (expiresAt && expiresAt <= now) return null;
  const organizers = event.organizers
    .getItems()
    .filter((o) => o.status === OrganizerStatus.ACCEPTED)
    .sort(
      (a, b) =>
        Number(b.role === OrganizerRole.PRIMARY) - Number(a.role === OrganizerRole.PRIMARY) ||
        (a.respondedAt?.getTime() ?? 0) - (b.respondedAt?.getTime() ?? 0) ||
        a.association.slug.localeCompare(b.association.slug),
    )
    .map((o) => ({ slug: o.association.slug, name: o.association.name }));
  return {
    expiresAt,
    data: {
      id: event.id,
      slug: event.slug,
      kind: event.kind,
      cancelled,
      title: event.title,
      description: event.description,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      allDay: event.allDay,
      timeZone: event.timeZone,
      recurrence: event.recurrence,
      recurrenceExceptions: event.recurrenceExceptions,
      location: {
        name: event.location.name,
        address: event.location.address,
        postalCode: event.location.postalCode,
        city: event.location.city,
        latitude: event.location.latitude,
        longitude: event.location.longitude,
      },
      district: event.district ? { slug: event.district.slug, name: event.district.name } : null,
      occasion: event.occasion ? { slug: event.occasion.slug, name: event.occasion.name } : null,
      organizers,
      sequence: event.sequence,
    },
  };
}

/**
 * Keeps each event's VEVENT fragments (one per language) in step with the event. Runs inside the
 * caller's transaction and reports the feeds whose content changed: the ones the event is in now
 * and the ones it was in before.
 */
@Injectable()
export class FeedFragments {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  async refresh(em: EntityManager, eventIds: string[], now: Date = new Date()): Promise<Set<string>> {
    const affected = new Set<string>();
    if (eventIds.length === 0) return affected;
    const events = await em.find(
      Event,
      { id: { $in: eventIds } },
      { populate: ['district', 'occasion', 'organizers', 'organizers.association'] },
    );
    const byId = new Map(events.map((e) => [e.id, e]));
    const fragments = await em.find(EventFeedFragment, { event: { $in: eventIds } });
    const kept = new Map<string, EventFeedFragment[]>();
    for (const f of fragments) kept.set(f.event.id, [...(kept.get(f.event.id) ?? []), f]);

    for (const id of new Set(eventIds)) {
      const existing = kept.get(id) ?? [];
      const event = byId.get(id);
      const view = event ? feedViewOf(event, now) : null;
      if (!view) {
        for (const f of existing) f.feedKeys.forEach((k) => affected.add(k));
        if (existing.length) em.remove(existing);
        continue;
      }
      const keys = [...new Set(feedRefsOf(view.data).map(feedKey))].sort();
      const hash = this.contentHash(view);
      if (existing.length === LANGUAGES.length && existing.every((f) => f.contentHash === hash && f.rendererVersion === RENDERER_VERSION)) {
        continue;
      }
      const modifiedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
      for (const f of existing) f.feedKeys.forEach((k) => affected.add(k));
      keys.forEach((k) => affected.add(k));
      for (const lang of LANGUAGES) {
        let fragment = existing.find((f) => f.lang === lang);
        if (!fragment) {
          fragment = new EventFeedFragment();
          fragment.event = event!;
          fragment.lang = lang;
        }
        fragment.body = renderEventFragment(view.data, lang, { baseUrl: this.config.http.publicBaseUrl, modifiedAt });
        fragment.feedKeys = keys;
        fragment.startsAt = view.data.startsAt;
        fragment.expiresAt = view.expiresAt;
        fragment.tzid = fragmentZone(view.data);
        fragment.contentHash = hash;
        fragment.rendererVersion = RENDERER_VERSION;
        fragment.modifiedAt = modifiedAt;
        em.persist(fragment);
      }
      for (const f of existing) if (!LANGUAGES.includes(f.lang as never)) em.remove(f);
    }
    await em.flush();
    return affected;
  }

  /** Everything the text is rendered from, so equal hashes mean equal text (up to the stamps). */
  private contentHash(view: FeedView): string {
    return createHash('sha256')
      .update(JSON.stringify([RENDERER_VERSION, this.config.http.publicBaseUrl, view.expiresAt, view.data]))
      .digest('base64url');
  }
}
