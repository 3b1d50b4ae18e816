import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type SiteLanguage } from '@mangfold/config';
import { EventKind, type EventQueries, ReferenceData, type ReferenceSnapshot } from '@mangfold/calendar';
import { DatabaseChanges, localize, type LocalizedText } from '@mangfold/db';
import { type FeedRef, kindFromSlug, kindLabel, kindSlug } from '@mangfold/feeds';
import { EVENTS_TEXT, type EventsText } from './events-text';
import { parseLocalDate } from './format';

/** The listing's GET parameters, the same in both languages (and, for the four a feed can carry, the same as the feed's). */
export const FILTER_PARAMS = [
  'from',
  'to',
  'district',
  'area',
  'occasion',
  'association',
  'kind',
  'language',
  'free',
  'seats',
  'q',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type FilterValues = Partial<Record<FilterParam, string>>;

export interface Choice {
  id: string;
  slug: string;
  name: string;
}

/** What the filter form offers, in the page's language, sorted by name. */
export interface FilterChoices {
  districts: Choice[];
  housingAreas: Choice[];
  occasions: Choice[];
  associations: Choice[];
  kinds: { slug: string; name: string }[];
}

export interface ListingQuery {
  /** The values as given, to keep them in the form and in the paging links. */
  values: FilterValues;
  filter: EventFilter;
  /** Messages about values that name nothing; the list is not shown when there are any. */
  errors: string[];
  /** The feeds whose events in common are the listed ones (the period aside). */
  feedRefs: FeedRef[];
  /** Labels of chosen filters a feed cannot carry. */
  feedCannot: string[];
  periodGiven: boolean;
  after: string | null;
  /** The `after` of each earlier page, first page first ('' for the first page), for the "previous" link. */
  back: string[];
}

/** The calendar's public filter, as `EventQueries.listPublic` takes it. */
export type EventFilter = NonNullable<Parameters<EventQueries['listPublic']>[0]>;

interface NamedRow {
  id: string;
  slug: string;
  name: LocalizedText | string;
}

const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const CHOICES_TTL_MS = 30_000;
const MAX_BACK = 50;

const collator = new Intl.Collator('da');

function byName(a: Choice, b: Choice): number {
  return collator.compare(a.name, b.name);
}

/** Turns the listing's query string into a calendar filter, checking every named thing exists. */
@Injectable()
export class ListingQueries implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceData,
    private readonly changes: DatabaseChanges,
  ) {}

  /** A renamed, approved or removed association shows in the form as soon as PostgreSQL announces it. */
  onModuleInit(): void {
    this.unsubscribe = this.changes.subscribe((table) => {
      if (table === null || table === 'association') this.associations = null;
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private associations: { at: number; rows: Promise<NamedRow[]> } | null = null;
  /** The choices last built, per language, with what they were built from (sorting them is not free). */
  private readonly built = new Map<SiteLanguage, { from: [ReferenceSnapshot, NamedRow[]]; choices: FilterChoices }>();

  /**
   * What the form offers. Districts, housing areas and occasions come from the reference data;
   * approved associations change more often and are kept for a little while (until a change to
   * the table is heard); `fresh` reads both
   * again (a value that names nothing is checked against fresh lists before the page says so).
   */
  async choices(lang: SiteLanguage, fresh = false): Promise<FilterChoices> {
    let cached = this.associations;
    if (fresh || !cached || Date.now() - cached.at > CHOICES_TTL_MS) {
      const read = { at: Date.now(), rows: this.readAssociations() };
      this.associations = cached = read;
      // A failed read is not kept: the next request tries again.
      read.rows.catch(() => {
        if (this.associations === read) this.associations = null;
      });
    }
    const [reference, associations] = await Promise.all([fresh ? this.reference.reread() : this.reference.snapshot(), cached.rows]);
    const built = this.built.get(lang);
    if (built && built.from[0] === reference && built.from[1] === associations) return built.choices;
    const named = (list: readonly NamedRow[]): Choice[] =>
      list
        .map((r) => ({ id: r.id, slug: r.slug, name: typeof r.name === 'string' ? r.name : (localize(r.name, lang) ?? r.slug) }))
        .sort(byName);
    const choices = {
      districts: named(reference.districts),
      housingAreas: named(reference.housingAreas),
      occasions: named(reference.occasions),
      associations: named(associations),
      kinds: Object.values(EventKind).map((k) => ({ slug: kindSlug(k), name: kindLabel(k, lang) })),
    };
    this.built.set(lang, { from: [reference, associations], choices });
    return choices;
  }

  private readAssociations(): Promise<NamedRow[]> {
    return this.em.fork().getConnection().execute<NamedRow[]>(`select id, slug, name from association where status = 'APPROVED'`);
  }

  parse(query: Record<string, unknown>, lang: SiteLanguage, choices: FilterChoices, now: Date): ListingQuery {
    const t = EVENTS_TEXT[lang];
    const one = (name: string): string => {
      const v = query[name];
      const s: unknown = Array.isArray(v) ? v[0] : v;
      return typeof s === 'string' ? s.trim().slice(0, 200) : '';
    };
    const values: FilterValues = {};
    for (const p of FILTER_PARAMS) {
      const v = one(p);
      if (v) values[p] = v;
    }
    const errors: string[] = [];
    const filter: EventFilter = { from: now };

    const known = (list: Choice[], value: string | undefined, problem: (v: string) => string): string | undefined => {
      if (!value) return undefined;
      if (list.some((c) => c.slug === value)) return value;
      errors.push(problem(value));
      return undefined;
    };
    filter.districtSlug = known(choices.districts, values.district, t.unknown.district);
    filter.housingAreaSlug = known(choices.housingAreas, values.area, t.unknown.housingArea);
    filter.occasionSlug = known(choices.occasions, values.occasion, t.unknown.occasion);
    filter.associationSlug = known(choices.associations, values.association, t.unknown.association);
    if (values.kind) {
      filter.kind = kindFromSlug(values.kind);
      if (!filter.kind) errors.push(t.unknown.kind(values.kind));
    }
    if (values.language) {
      const code = values.language.toLowerCase();
      if (LANGUAGE_CODE.test(code)) filter.language = code;
      else errors.push(t.unknown.language(values.language));
    }
    const yesNo = (value: string | undefined, problem: (v: string) => string): boolean | undefined => {
      if (!value) return undefined;
      if (value === 'yes') return true;
      if (value === 'no') return false;
      errors.push(problem(value));
      return undefined;
    };
    filter.isFree = yesNo(values.free, t.unknown.free);
    filter.hasFreeSeats = yesNo(values.seats, t.unknown.seats);
    if (values.q) filter.search = values.q;

    const periodGiven = parsePeriod(values, filter, errors, t, now);
    const { feedRefs, feedCannot } = feedsOf(filter, t);

    const after = one('after') || null;
    const rawBack = query.back;
    const back = (Array.isArray(rawBack) ? rawBack : rawBack === undefined ? [] : [rawBack])
      .filter((b): b is string => typeof b === 'string')
      .slice(-MAX_BACK);
    return { values, filter, errors, feedRefs, feedCannot, periodGiven, after, back };
  }
}

/** Sets the period of `from` and `to` (a whole local day each) on the filter; true when either was given. */
function parsePeriod(values: FilterValues, filter: EventFilter, errors: string[], t: EventsText, now: Date): boolean {
  let periodGiven = false;
  if (values.from) {
    const from = parseLocalDate(values.from);
    if (!from) errors.push(t.unknown.from(values.from));
    else {
      periodGiven = true;
      if (from > now) filter.from = from;
    }
  }
  if (values.to) {
    const to = parseLocalDate(values.to);
    if (!to) errors.push(t.unknown.to(values.to));
    else {
      periodGiven = true;
      // The last day counts whole: up to the start of the next local day.
      const [y, m, d] = values.to.split('-').map(Number);
      filter.to = parseLocalDate(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)) ?? undefined;
      if (filter.to && filter.from && filter.to <= filter.from) errors.push(t.unknown.period());
    }
  }
  return periodGiven;
}

/** The feeds that carry the same events as the filter, and the filters no feed can follow (named for the page). */
function feedsOf(filter: EventFilter, t: EventsText): { feedRefs: FeedRef[]; feedCannot: string[] } {
  const feedRefs: FeedRef[] = [];
  const feedCannot: string[] = [];
  if (filter.districtSlug) feedRefs.push({ scope: 'district', slug: filter.districtSlug });
  if (filter.associationSlug) feedRefs.push({ scope: 'association', slug: filter.associationSlug });
  if (filter.occasionSlug) feedRefs.push({ scope: 'occasion', slug: filter.occasionSlug });
  if (filter.kind) feedRefs.push({ scope: 'kind', slug: kindSlug(filter.kind) });
  if (filter.housingAreaSlug) feedCannot.push(t.housingArea);
  if (filter.language) feedCannot.push(t.language.replace(/ \(.*\)$/, ''));
  if (filter.isFree !== undefined) feedCannot.push(t.free);
  if (filter.hasFreeSeats !== undefined) feedCannot.push(t.seats);
  if (filter.search) feedCannot.push(t.text);
  return { feedRefs, feedCannot };
}

/** A listing URL with the given filters and page. */
export function listingHref(path: string, values: FilterValues, page: { after?: string | null; back?: string[] } = {}): string {
  const params = new URLSearchParams();
  for (const p of FILTER_PARAMS) if (values[p]) params.set(p, values[p]);
  if (page.after) params.set('after', page.after);
  for (const b of page.back ?? []) params.append('back', b);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The "next" and "previous" links of a keyset-paged list (the earlier pages' cursors travel in `back`). */
export function pagerLinks(
  path: string,
  values: FilterValues,
  current: { after: string | null; back: string[] },
  pageInfo: { hasNextPage: boolean; endCursor: string | null },
): { next: string | null; previous: string | null } {
  const next =
    pageInfo.hasNextPage && pageInfo.endCursor
      ? listingHref(path, values, { after: pageInfo.endCursor, back: [...current.back, current.after ?? ''] })
      : null;
  let previous: string | null = null;
  if (current.after) {
    const back = [...current.back];
    const prev = back.pop() ?? '';
    previous = listingHref(path, values, { after: prev || null, back });
  }
  return { next, previous };
}
