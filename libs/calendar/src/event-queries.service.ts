import { Injectable } from '@nestjs/common';
import { EntityManager, type QueryBuilder } from '@mikro-orm/postgresql';
import { Role, type AuthUser } from '@mangfold/auth';
import { AssociationAccess, unknownSlugs, type SlugSubject } from '@mangfold/associations';
import { AuditEntry, plainRecords } from '@mangfold/db';
import { escapeLike } from '@mangfold/common';
import { BadUserInputError, decodeCursor, encodeCursor, parseId, toConnection, type Connection } from '@mangfold/graphql';
import { Event, EventStatus } from './event.entity';
import type { EventRecord } from './event-record';
import { EventOrganiser, OrganiserStatus } from './event-organiser.entity';
import { EVENT_SEARCH_TEXT_SQL } from './event-search-text';
import type { EventFilter } from './inputs/event.inputs';
import { formatLocal } from './time/local-time';
import { occurrencesOf, type Occurrence, type Series } from './time/recurrence';

export interface OccurrenceView {
  startsAt: Date;
  endsAt: Date;
  startsAtLocal: string;
  endsAtLocal: string;
}

export interface EventEdgeView {
  cursor: string;
  node: EventRecord;
  occurrence: OccurrenceView;
}

export interface EventConnectionView {
  edges: EventEdgeView[];
  pageInfo: Connection<EventRecord>['pageInfo'];
  totalCount?: number;
}

type Condition = [sql: string, params: unknown[]];

const PUBLIC_SQL = `(e.status = 'PUBLISHED' or (e.status = 'CANCELLED' and e.published_at is not null))`;
const MAX_SEARCH_WORDS = 8;

export const seriesOf = (e: EventRecord): Series => ({
  id: e.id,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  allDay: e.allDay,
  timeZone: e.timeZone,
  recurrence: e.recurrence,
  recurrenceExceptions: e.recurrenceExceptions,
});

/** The local times are formatted only when a client asks for them (lists rarely do). */
export function occurrenceView(o: Occurrence, timeZone: string): OccurrenceView {
  return {
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    get startsAtLocal() {
      return formatLocal(o.startsAt, timeZone);
    },
    get endsAtLocal() {
      return formatLocal(o.endsAt, timeZone);
    },
  };
}

/** Published events, and cancelled ones that were published: what anyone may see. */
export function isPublic(e: EventRecord): boolean {
  return e.status === EventStatus.PUBLISHED || (e.status === EventStatus.CANCELLED && e.publishedAt !== null);
}

function decodeKeyset(after: string | null | undefined): { startsAt: Date; id: string } | null {
  if (!after) return null;
  const [startsAt, id] = decodeCursor(after, ['instant', 'id']);
  return { startsAt, id };
}

const SLUG_FILTERS: readonly [keyof EventFilter & `${string}Slug`, SlugSubject][] = [
  ['districtSlug', 'district'],
  ['housingAreaSlug', 'housingArea'],
  ['occasionSlug', 'occasion'],
  ['associationSlug', 'association'],
  ['themeSlug', 'theme'],
];

const slugsOf = (filter: EventFilter) =>
  SLUG_FILTERS.flatMap(([field, subject]) => {
    const slug = filter[field];
    return slug ? [{ field, subject, slug }] : [];
  });

function apply(qb: QueryBuilder<Event>, conditions: Condition[]): QueryBuilder<Event> {
  for (const [sql, params] of conditions) qb.andWhere(sql, params);
  return qb;
}

/**
 * Reading events: the public listing with its filters and occurrence expansion, what organisers
 * and admins may see beyond it, and the audit trail.
 */
@Injectable()
export class EventQueries {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
  ) {}

  /** Anyone sees public events; admins everything; members the events their associations organise or are invited to. */
  async canSee(user: AuthUser | undefined, event: Event): Promise<boolean> {
    if (isPublic(event)) return true;
    if (!user) return false;
    if (user.role === Role.ADMIN) return true;
    const mine = await this.access.memberAssociationIds(user.id);
    if (!mine.length) return false;
    return (await this.em.count(EventOrganiser, { event, association: { $in: mine }, status: { $ne: OrganiserStatus.DECLINED } })) > 0;
  }

  async findVisible(user: AuthUser | undefined, by: { id?: string | null; slug?: string | null }): Promise<Event | null> {
    if (!by.id && !by.slug) throw BadUserInputError.field('id', 'give id or slug');
    const event = await this.em.findOne(Event, by.id ? { id: parseId(by.id, 'id') } : { slug: by.slug! });
    if (!event || (by.id && by.slug && event.slug !== by.slug)) return null;
    return (await this.canSee(user, event)) ? event : null;
  }

  private filterConditions(filter: EventFilter): Condition[] {
    const c: Condition[] = [[PUBLIC_SQL, []]];
    if (filter.kind) c.push(['e.kind = ?', [filter.kind]]);
    if (filter.districtSlug) c.push(['e.district_id = (select d.id from district d where d.slug = ?)', [filter.districtSlug]]);
    if (filter.housingAreaSlug)
      c.push(['e.housing_area_id = (select h.id from housing_area h where h.slug = ?)', [filter.housingAreaSlug]]);
    if (filter.occasionSlug) c.push(['e.occasion_id = (select o.id from occasion o where o.slug = ?)', [filter.occasionSlug]]);
    if (filter.themeSlug) {
      c.push([
        'exists (select 1 from event_theme et join theme t on t.id = et.theme_id where et.event_id = e.id and t.slug = ?)',
        [filter.themeSlug],
      ]);
    }
    if (filter.associationSlug) {
      c.push([
        `exists (select 1 from event_organizer eo join association a on a.id = eo.association_id
                  where eo.event_id = e.id and eo.status = 'ACCEPTED' and a.slug = ?)`,
        [filter.associationSlug],
      ]);
    }
    if (filter.language) c.push(['e.languages @> ?::jsonb', [JSON.stringify([filter.language])]]);
    if (filter.hasFreeSeats === true) c.push(['(e.capacity is null or e.seats_taken < e.capacity)', []]);
    if (filter.hasFreeSeats === false) c.push(['(e.capacity is not null and e.seats_taken >= e.capacity)', []]);
    if (filter.isFree !== undefined && filter.isFree !== null) c.push(['e.is_free = ?', [filter.isFree]]);
    const words = (filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
    // The expression matches the trigram index (event_search_trgm_idx) exactly, so the index serves it.
    for (const word of words) c.push([`(${EVENT_SEARCH_TEXT_SQL}) ilike ?`, [`%${escapeLike(word)}%`]]);
    return c;
  }

  /**
   * The public listing, in (start, id) order. Single events come from one keyset query; recurring
   * series in the window from a second one, expanded here in their own zone, at most `first + 1`
   * occurrences each; the two sorted streams are merged. With expandRecurring off a series is
   * listed once, at its first occurrence in the window.
   */
  async listPublic(filter: EventFilter = {}, first: number, afterCursor?: string | null, withCount = false): Promise<EventConnectionView> {
    const { from, to } = filter;
    if (from && to && from.getTime() >= to.getTime()) throw BadUserInputError.field('to', 'to must be after from');
    const after = decodeKeyset(afterCursor);
    const expand = filter.expandRecurring ?? true;
    const base = this.filterConditions(filter);

    const singlesInWindow: Condition[] = [...base, ['e.recurrence is null', []]];
    if (to) singlesInWindow.push(['e.starts_at < ?', [to]]);
    if (from) singlesInWindow.push(['e.ends_at > ?', [from]]);
    const single: Condition[] = after
      ? [...singlesInWindow, ['(e.starts_at, e.id) > (?::timestamptz, ?::uuid)', [after.startsAt, after.id]]]
      : singlesInWindow;

    const series: Condition[] = [...base, ['e.recurrence is not null', []]];
    if (to) series.push(['e.starts_at < ?', [to]]);
    if (from) series.push(['(e.last_ends_at is null or e.last_ends_at > ?)', [from]]);
    // Counting needs every series in the window, not only those still running after the cursor.
    if (after && !withCount) series.push(['(e.last_ends_at is null or e.last_ends_at > ?)', [after.startsAt]]);

    // Plain records, not entities: nothing here is written, and hydrating a page of entities cost
    // more than everything else in the request.
    const meta = this.em.getMetadata().get(Event.name);
    const [slugErrors, singleRows, seriesRows, singlesCount] = await Promise.all([
      unknownSlugs(this.em, slugsOf(filter)),
      apply(this.em.createQueryBuilder(Event, 'e').select('*'), single)
        .orderBy({ startsAt: 'asc', id: 'asc' })
        .limit(first + 1)
        .execute<Record<string, unknown>[]>('all'),
      apply(this.em.createQueryBuilder(Event, 'e').select('*'), series).execute<Record<string, unknown>[]>('all'),
      withCount ? apply(this.em.createQueryBuilder(Event, 'e'), singlesInWindow).getCount() : undefined,
    ]);
    if (Object.keys(slugErrors).length) throw new BadUserInputError(slugErrors);
    const singles = plainRecords<EventRecord>(meta, singleRows);
    const recurring = plainRecords<EventRecord>(meta, seriesRows);

    const rows: { event: EventRecord; occurrence: Occurrence }[] = singles.map((event) => ({
      event,
      occurrence: { startsAt: event.startsAt, endsAt: event.endsAt },
    }));
    const isAfter = (o: Occurrence, id: string) =>
      !after || o.startsAt.getTime() > after.startsAt.getTime() || (o.startsAt.getTime() === after.startsAt.getTime() && id > after.id);
    for (const event of recurring) {
      if (expand) {
        for (const occurrence of occurrencesOf(seriesOf(event), { from, to, after, limit: first + 1 })) rows.push({ event, occurrence });
      } else {
        const [occurrence] = occurrencesOf(seriesOf(event), { from, to, limit: 1 });
        if (occurrence && isAfter(occurrence, event.id)) rows.push({ event, occurrence });
      }
    }
    rows.sort(
      (a, b) =>
        a.occurrence.startsAt.getTime() - b.occurrence.startsAt.getTime() ||
        (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0),
    );

    // A series counts once, and only if one of its occurrences falls in the window.
    const totalCount =
      singlesCount === undefined
        ? undefined
        : singlesCount + recurring.filter((e) => occurrencesOf(seriesOf(e), { from, to, limit: 1 }).length > 0).length;

    const page = rows.slice(0, first);
    const edges = page.map(({ event, occurrence }) => ({
      node: event,
      occurrence: occurrenceView(occurrence, event.timeZone),
      cursor: encodeCursor([occurrence.startsAt.toISOString(), event.id]),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount,
    };
  }

  /**
   * How many events the public listing holds for a filter, one statement: a recurring series counts
   * once however many of its occurrences fall in the window.
   */
  async countPublic(filter: EventFilter = {}): Promise<number> {
    const c = this.filterConditions(filter);
    if (filter.to) c.push(['e.starts_at < ?', [filter.to]]);
    if (filter.from) {
      c.push([
        '(case when e.recurrence is null then e.ends_at > ? else (e.last_ends_at is null or e.last_ends_at > ?) end)',
        [filter.from, filter.from],
      ]);
    }
    return apply(this.em.createQueryBuilder(Event, 'e'), c).getCount();
  }

  /**
   * The archive: public events whose last occurrence ended before `before`, the latest ending first,
   * keyset-paged on (last end, id). A series is listed once.
   */
  async listPast(before: Date, first: number, afterCursor?: string | null): Promise<EventConnectionView & { totalCount: number }> {
    const after = decodeKeyset(afterCursor);
    const c: Condition[] = [
      [PUBLIC_SQL, []],
      ['e.last_ends_at <= ?', [before]],
    ];
    const page: Condition[] = after ? [...c, ['(e.last_ends_at, e.id) < (?::timestamptz, ?::uuid)', [after.startsAt, after.id]]] : c;
    const meta = this.em.getMetadata().get(Event.name);
    const [rows, total] = await Promise.all([
      apply(this.em.createQueryBuilder(Event, 'e').select('*'), page)
        .orderBy({ lastEndsAt: 'desc', id: 'desc' })
        .limit(first + 1)
        .execute<Record<string, unknown>[]>('all'),
      apply(this.em.createQueryBuilder(Event, 'e'), c).getCount(),
    ]);
    const events = plainRecords<EventRecord>(meta, rows);
    const edges = events.slice(0, first).map((event) => ({
      node: event,
      occurrence: occurrenceView({ startsAt: event.startsAt, endsAt: event.endsAt }, event.timeZone),
      cursor: encodeCursor([event.lastEndsAt!.toISOString(), event.id]),
    }));
    return {
      edges,
      totalCount: total,
      pageInfo: {
        hasNextPage: events.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /** Events of the caller's associations (organised, or invited to co-organise), in any status. */
  async listMine(
    user: AuthUser,
    args: { statuses?: EventStatus[] | null; associationId?: string | null },
    first: number,
    after: string | null | undefined,
    withCount: boolean,
  ): Promise<EventConnectionView> {
    let associations = await this.access.memberAssociationIds(user.id);
    if (args.associationId) associations = associations.filter((a) => a === args.associationId);
    if (!associations.length) return this.keysetPage([], first, after, withCount, true);
    const c: Condition[] = [
      [
        `exists (select 1 from event_organizer eo where eo.event_id = e.id and eo.status in ('ACCEPTED', 'INVITED')
                  and eo.association_id in (${associations.map(() => '?').join(', ')}))`,
        associations,
      ],
    ];
    if (args.statuses?.length) c.push([`e.status in (${args.statuses.map(() => '?').join(', ')})`, args.statuses]);
    return this.keysetPage(c, first, after, withCount);
  }

  /** Submitted events waiting for TFI, soonest first; past ones only when asked. */
  async moderationQueue(
    includePast: boolean,
    first: number,
    after: string | null | undefined,
    withCount: boolean,
  ): Promise<EventConnectionView> {
    const c: Condition[] = [[`e.status = 'SUBMITTED'`, []]];
    if (!includePast) c.push(['(e.last_ends_at is null or e.last_ends_at > ?)', [new Date()]]);
    return this.keysetPage(c, first, after, withCount);
  }

  private async keysetPage(
    conditions: Condition[],
    first: number,
    afterCursor: string | null | undefined,
    withCount: boolean,
    empty = false,
  ): Promise<EventConnectionView> {
    const after = decodeKeyset(afterCursor);
    if (empty)
      return {
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: after !== null, startCursor: null, endCursor: null },
        totalCount: withCount ? 0 : undefined,
      };
    const page: Condition[] = after
      ? [...conditions, ['(e.starts_at, e.id) > (?::timestamptz, ?::uuid)', [after.startsAt, after.id]]]
      : conditions;
    const [rows, total] = await Promise.all([
      apply(this.em.createQueryBuilder(Event, 'e').select('*'), page)
        .orderBy({ startsAt: 'asc', id: 'asc' })
        .limit(first + 1)
        .getResultList(),
      withCount ? apply(this.em.createQueryBuilder(Event, 'e'), conditions).getCount() : Promise.resolve(undefined),
    ]);
    const connection = toConnection(rows, first, (e) => [e.startsAt.toISOString(), e.id], after !== null, total);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({
        ...edge,
        occurrence: occurrenceView({ startsAt: edge.node.startsAt, endsAt: edge.node.endsAt }, edge.node.timeZone),
      })),
    };
  }

  /** An item's audit entries, newest first. */
  async auditTrail(
    entityType: string,
    entityId: string,
    first: number,
    afterCursor: string | null | undefined,
    withCount = false,
  ): Promise<Connection<AuditEntry>> {
    let after: { at: Date; id: string } | null = null;
    if (afterCursor) {
      const [at, id] = decodeCursor(afterCursor, ['instant', 'id']);
      after = { at, id };
    }
    const [rows, total] = await Promise.all([
      this.em.find(
        AuditEntry,
        after
          ? { entityType, entityId, $or: [{ at: { $lt: after.at } }, { at: after.at, id: { $lt: after.id } }] }
          : { entityType, entityId },
        { orderBy: { at: 'desc', id: 'desc' }, limit: first + 1 },
      ),
      withCount ? this.em.count(AuditEntry, { entityType, entityId }) : undefined,
    ]);
    return toConnection(rows, first, (r) => [r.at.toISOString(), r.id], after !== null, total);
  }
}
