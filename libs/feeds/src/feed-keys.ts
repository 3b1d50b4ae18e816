import { EventKind } from '@mangfold/calendar';
import type { Language } from '@mangfold/common';
import { sitePaths } from '@mangfold/config';

/**
 * A feed is named by its key: `all`, `district/<slug>`, `association/<slug>`, `occasion/<slug>`,
 * `kind/<kebab-kind>` or `event/<slug>`. The key is also what snapshots, fragments and publish jobs
 * are stored under, so it mirrors the public URL: a renamed slug is a new feed.
 */
export type FeedScope = 'all' | 'district' | 'association' | 'occasion' | 'kind' | 'event';

export interface FeedRef {
  scope: FeedScope;
  /** The slug (or kebab-case kind); empty for `all`. */
  slug: string;
}

export const ALL_FEED: FeedRef = { scope: 'all', slug: '' };

/** Slugs as the domain libs make them; anything else cannot name a feed and is a 404 without a query. */
const SLUG = /^[a-z0-9][a-z0-9_-]{0,119}$/;

const COLLECTION: Readonly<Record<Exclude<FeedScope, 'all'>, string>> = {
  district: 'districts',
  association: 'associations',
  occasion: 'occasions',
  kind: 'kinds',
  event: 'events',
};

const SCOPE_BY_COLLECTION: ReadonlyMap<string, Exclude<FeedScope, 'all'>> = new Map(
  Object.entries(COLLECTION).map(([scope, collection]) => [collection, scope as Exclude<FeedScope, 'all'>]),
);

/** `CULTURAL_EVENT` → `cultural-event`. */
export function kindSlug(kind: EventKind): string {
  return kind.toLowerCase().replace(/_/g, '-');
}

const KIND_BY_SLUG: ReadonlyMap<string, EventKind> = new Map(Object.values(EventKind).map((k) => [kindSlug(k), k]));

export function kindFromSlug(slug: string): EventKind | undefined {
  return KIND_BY_SLUG.get(slug);
}

export function feedKey(ref: FeedRef): string {
  return ref.scope === 'all' ? 'all' : `${ref.scope}/${ref.slug}`;
}

export function parseFeedKey(key: string): FeedRef | null {
  if (key === 'all') return ALL_FEED;
  const slash = key.indexOf('/');
  if (slash < 0) return null;
  const scope = key.slice(0, slash) as FeedScope;
  const slug = key.slice(slash + 1);
  if (!(scope in COLLECTION) || !SLUG.test(slug)) return null;
  if (scope === 'kind' && !kindFromSlug(slug)) return null;
  return { scope, slug };
}

/** The path of a feed below PUBLIC_BASE_URL, e.g. `/calendar/districts/noerrebro.ics`. */
export function feedPath(ref: FeedRef): string {
  return ref.scope === 'all' ? '/calendar.ics' : `/calendar/${COLLECTION[ref.scope]}/${ref.slug}.ics`;
}

/**
 * The feed a request path names, or null when the path is not a public feed (the personal feeds
 * under /calendar/registrations belong to the registrations lib). Percent-encoded slugs are decoded;
 * a slug that cannot be one of ours gives `{ notFound: true }` without touching the database.
 */
export function feedRefFromPath(path: string): FeedRef | { notFound: true } | null {
  if (path === '/calendar.ics') return ALL_FEED;
  if (!path.startsWith('/calendar/') || !path.endsWith('.ics')) return null;
  const rest = path.slice('/calendar/'.length, -'.ics'.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return null;
  const scope = SCOPE_BY_COLLECTION.get(rest.slice(0, slash));
  if (!scope) return null;
  let slug = rest.slice(slash + 1);
  if (slug.includes('%')) {
    try {
      slug = decodeURIComponent(slug);
    } catch {
      return { notFound: true };
    }
  }
  if (!SLUG.test(slug)) return { notFound: true };
  if (scope === 'kind' && !kindFromSlug(slug)) return { notFound: true };
  return { scope, slug };
}

/** Absolute feed URL; `?lang=en` only when English is asked for (Danish is the default). */
export function feedUrl(baseUrl: string, ref: FeedRef, lang: Language = 'da'): string {
  return `${baseUrl}${feedPath(ref)}${lang === 'da' ? '' : `?lang=${lang}`}`;
}

/** The same feed as a `webcal://` link, which calendar apps open as a subscription. */
export function webcalUrl(baseUrl: string, ref: FeedRef, lang: Language = 'da'): string {
  return feedUrl(baseUrl, ref, lang).replace(/^https?:\/\//, 'webcal://');
}

/** A file name for Content-Disposition and FEEDS_DIR: ASCII only, e.g. `mangfold-district-noerrebro-en.ics`. */
export function feedFileName(ref: FeedRef, lang: Language): string {
  const parts = ['mangfoldighedskalender', ref.scope === 'all' ? '' : ref.scope, ref.slug, lang === 'da' ? '' : lang];
  return `${parts.filter(Boolean).join('-')}.ics`;
}

/** The public page of an event in the feed's language; feeds link to it from URL and DESCRIPTION. */
export function eventPageUrl(baseUrl: string, slug: string, lang: Language): string {
  return `${baseUrl}${sitePaths.event(lang, slug)}`;
}

/** The public page of an association; feeds use it as the ORGANIZER address (never a person's email). */
export function associationPageUrl(baseUrl: string, slug: string, lang: Language): string {
  return `${baseUrl}${sitePaths.association(lang, slug)}`;
}

/** The feed scopes a selection (`/calendar.ics?district=…&kind=…`) can combine, in URL order. */
export const SELECTION_SCOPES = ['district', 'association', 'occasion', 'kind'] as const;
export type SelectionScope = (typeof SELECTION_SCOPES)[number];

/**
 * The feeds a `/calendar.ics` query combines: the events in all of them. An empty list is the
 * whole calendar; null when a value cannot name a feed or a scope is given twice (a 400).
 */
export function selectionFromQuery(query: string): FeedRef[] | null {
  const refs: FeedRef[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!(SELECTION_SCOPES as readonly string[]).includes(name)) continue;
    let slug: string;
    try {
      slug = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' ')).trim();
    } catch {
      return null;
    }
    const ref: FeedRef = { scope: name as SelectionScope, slug };
    if (!SLUG.test(slug) || (name === 'kind' && !kindFromSlug(slug)) || refs.some((r) => r.scope === ref.scope)) return null;
    refs.push(ref);
  }
  return refs.sort((a, b) => SELECTION_SCOPES.indexOf(a.scope as SelectionScope) - SELECTION_SCOPES.indexOf(b.scope as SelectionScope));
}

/**
 * The feed URL of a selection: one feed's own URL when it is one, else the whole calendar's with the
 * feeds to combine as query parameters (their events in common).
 */
export function selectionUrl(baseUrl: string, refs: readonly FeedRef[], lang: Language = 'da'): string {
  if (refs.length <= 1) return feedUrl(baseUrl, refs[0] ?? ALL_FEED, lang);
  const params = new URLSearchParams(refs.map((r) => [r.scope, r.slug]));
  if (lang !== 'da') params.set('lang', lang);
  return `${baseUrl}${feedPath(ALL_FEED)}?${params.toString()}`;
}
