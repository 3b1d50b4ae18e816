import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { Event, EventStatus, EventTheme, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { LANGUAGES } from '@mangfold/common';
import { RENDERER_VERSION, feedRefsOf, fragmentZone, renderEventFragment, type FeedEventData } from './event-fragment';
import { feedKey } from './feed-keys';
import { placeholders, query, textArray } from './sql';

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
export function feedViewOf(event: Event, now: Date, themes: FeedEventData['themes'] = []): FeedView | null {
  const cancelled = event.status === EventStatus.CANCELLED;
  if (event.status !== EventStatus.PUBLISHED && !(cancelled && event.publishedAt)) return null;
  const lastEnd = event.recurrence ? event.lastEndsAt : (event.lastEndsAt ?? event.endsAt);
  let expiresAt = lastEnd ? new Date(lastEnd.getTime() + ENDED_EVENTS_KEPT_DAYS * DAY_MS) : null;
  if (cancelled) {
    const until = new Date((event.cancelledAt ?? now).getTime() + CANCELLED_EVENTS_KEPT_DAYS * DAY_MS);
    if (!expiresAt || until < expiresAt) expiresAt = until;
  }
  if (expiresAt && expiresAt <= now) return null;
  return { expiresAt, data: feedEventDataOf(event, themes) };
}

/**
 * What the VEVENT of an event is rendered from, in the feeds and in mails alike. The event needs
 * its district, occasion and organisers with their associations loaded; its themes come apart
 * (`themesOf`).
 */
export function feedEventDataOf(event: Event, themes: FeedEventData['themes'] = []): FeedEventData {
  const cancelled = event.status === EventStatus.CANCELLED;
  const organisers = event.organisers
    .getItems()
    .filter((o) => o.status === OrganiserStatus.ACCEPTED)
    .sort(
      (a, b) =>
        Number(b.role === OrganiserRole.PRIMARY) - Number(a.role === OrganiserRole.PRIMARY) ||
        (a.respondedAt?.getTime() ?? 0) - (b.respondedAt?.getTime() ?? 0) ||
        a.association.slug.localeCompare(b.association.slug),
    )
    .map((o) => ({ slug: o.association.slug, name: o.association.name }));
  return {
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
    organisers,
    themes,
    sequence: event.sequence,
  };
}

/** The work plan's themes of each event, in list order (CATEGORIES). */
export async function themesOf(em: EntityManager, ids: string[]): Promise<Map<string, FeedEventData['themes']>> {
  const rows = await em.find(
    EventTheme,
    { event: { $in: ids } },
    { populate: ['theme'], orderBy: { theme: { sortOrder: 'asc', slug: 'asc' } } },
  );
  const byEvent = new Map<string, FeedEventData['themes']>();
  for (const r of rows) byEvent.set(r.event.id, [...(byEvent.get(r.event.id) ?? []), { slug: r.theme.slug, name: r.theme.name }]);
  return byEvent;
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
    const ids = [...new Set(eventIds)];
    if (ids.length === 0) return affected;
    const events = await em.find(
      Event,
      { id: { $in: ids } },
      { populate: ['district', 'occasion', 'organisers', 'organisers.association'] },
    );
    const byId = new Map(events.map((e) => [e.id, e]));
    const themes = await themesOf(em, ids);
    // What is kept, without the bodies: enough to tell whether anything changed.
    const kept: { event_id: string; lang: string; feed_keys: string[]; content_hash: string; renderer_version: number }[] = await query(
      em,
      `select event_id, lang, feed_keys, content_hash, renderer_version from event_feed_fragment where event_id in (${placeholders(ids)})`,
      ids,
    );
    const keptBy = new Map<string, typeof kept>();
    for (const row of kept) keptBy.set(row.event_id, [...(keptBy.get(row.event_id) ?? []), row]);

    const gone: string[] = [];
    const rows: unknown[][] = [];
    for (const id of ids) {
      const existing = keptBy.get(id) ?? [];
      const event = byId.get(id);
      const view = event ? feedViewOf(event, now, themes.get(id)) : null;
      if (!view) {
        if (existing.length > 0) gone.push(id);
        for (const f of existing) f.feed_keys.forEach((k) => affected.add(k));
        continue;
      }
      const keys = [...new Set(feedRefsOf(view.data).map(feedKey))].sort();
      const hash = this.contentHash(view);
      const current = existing.filter((f) => f.content_hash === hash && f.renderer_version === RENDERER_VERSION);
      if (current.length === LANGUAGES.length && existing.length === LANGUAGES.length) continue;
      for (const f of existing) f.feed_keys.forEach((k) => affected.add(k));
      keys.forEach((k) => affected.add(k));
      const modifiedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
      const context = { baseUrl: this.config.http.publicBaseUrl, modifiedAt };
      for (const lang of LANGUAGES) {
        rows.push([
          randomUUID(),
          id,
          lang,
          renderEventFragment(view.data, lang, context),
          textArray(keys),
          view.data.startsAt,
          view.expiresAt,
          fragmentZone(view.data),
          hash,
          RENDERER_VERSION,
          modifiedAt,
        ]);
      }
    }
    if (gone.length > 0) await query(em, `delete from event_feed_fragment where event_id in (${placeholders(gone)})`, gone);
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      await query(
        em,
        `insert into event_feed_fragment (id, event_id, lang, body, feed_keys, starts_at, expires_at, tzid, content_hash, renderer_version, modified_at)
         values ${batch.map(() => '(?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)').join(', ')}
         on conflict (event_id, lang) do update set body = excluded.body, feed_keys = excluded.feed_keys, starts_at = excluded.starts_at,
           expires_at = excluded.expires_at, tzid = excluded.tzid, content_hash = excluded.content_hash,
           renderer_version = excluded.renderer_version, modified_at = excluded.modified_at, updated_at = now()`,
        batch.flat(),
      );
    }
    return affected;
  }

  /** Everything the text is rendered from, so equal hashes mean equal text (up to the stamps). */
  private contentHash(view: FeedView): string {
    return createHash('sha256')
      .update(JSON.stringify([RENDERER_VERSION, this.config.http.publicBaseUrl, view.expiresAt, view.data]))
      .digest('base64url');
  }
}
