import { KpiDimension } from './kpi.types';

/*
 * The KPI definitions of KPIS.md as SQL. Every KPI is first turned into "facts": one row per
 * contributor (an association, an event or a participation), with whether it is held and the
 * dimensions TFI breaks figures down by. Values, breakdowns and contributor lists are all
 * aggregates over the same facts, so they follow one definition (a status report reads them in one
 * repeatable-read transaction, so its numbers also add up to the row).
 *
 * An event belongs to the year in which it starts, in Copenhagen time (a party from 22:00 on
 * 31 December to 02:00 counts for the old year). "Held": published, not cancelled and ended before
 * the moment asked about; "planned": published, not cancelled, not ended yet. A recurring event is
 * one event (one organiser list, one registration list, one feedback pool): it counts once, in the
 * year its first occurrence starts, and is held once that first occurrence has ended.
 *
 * Statements name their parameters (@y0: start of the year and @y1: of the next, both local
 * midnight as instants; @at: the moment "held" is decided against; @yr: the year); `bindYear`
 * turns them into positional ones. The year's range is written into each join rather than read
 * from a CTE, so the planner estimates it from the event table's statistics.
 */

export interface YearParams {
  y0: Date;
  y1: Date;
  at: Date;
  yr: number;
}

/** `[sql, params]` for the driver, with every @name replaced by a positional parameter. */
export function bindYear(sql: string, values: YearParams): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/@(y0|y1|at|yr)\b/g, (_, name: keyof YearParams) => {
    params.push(values[name]);
    return name === 'yr' ? 'cast(? as integer)' : 'cast(? as timestamptz)';
  });
  return [text, params];
}

/** Published, not cancelled, starting in the year (Copenhagen): the events every KPI reads. */
const IN_YEAR = (e: string) => `${e}.status = 'PUBLISHED' and ${e}.cancelled_at is null and ${e}.starts_at >= @y0 and ${e}.starts_at < @y1`;

const LOCAL_KINDS = `('ASSOCIATION', 'PROJECT', 'VOLUNTARY_ORGANISATION')`;

/** With `perOrganiserKind`, event facts repeat once per accepted organiser so they can be grouped by its kind. */
function factsCte(perOrganiserKind: boolean): string {
  const kindJoin = perOrganiserKind ? `join org ko on ko.event_id = ev.id` : '';
  const kind = perOrganiserKind ? 'ko.kind::text' : 'null::text';
  const dims = 'ev.district_id, ev.housing_area_id, ev.occasion_id';
  // The year's events and their accepted organisers are read once (materialised) and every KPI
  // below joins them; registrations and answers are aggregated per event of the year.
  return `
with ev as materialized (
  select e.id, e.kind, e.district_id, e.housing_area_id, e.occasion_id, e.ends_at < @at as held
  from event e
  where ${IN_YEAR('e')}
),
org as materialized (
  select o.event_id, o.association_id, a.kind, a.status = 'APPROVED' as approved
  from event e
  join event_organizer o on o.event_id = e.id and o.status = 'ACCEPTED'
  join association a on a.id = o.association_id
  where ${IN_YEAR('e')}
),
voluntary as (
  select event_id from org where kind = 'VOLUNTARY_ORGANISATION' and approved group by event_id having count(*) >= 2
),
answers as (
  select f.event_id, count(*)::int as answers, (count(*) filter (where f.satisfied))::int as satisfied
  from event e
  join feedback f on f.event_id = e.id
  where ${IN_YEAR('e')}
  group by f.event_id
),
seats as (
  select r.event_id,
    (count(*) filter (where r.checked_in_at is not null and r.status <> 'CANCELLED'))::int as checked_in,
    (count(*) filter (where r.status = 'CONFIRMED'))::int as confirmed
  from event e
  join registration r on r.event_id = e.id
  where ${IN_YEAR('e')}
  group by r.event_id
),
facts as (
  select 'associations-involved'::text as key, o.association_id as contributor_id, ev.held, ${dims}, o.kind::text as association_kind, 1 as n, 0 as s
  from ev
  join org o on o.event_id = ev.id and o.approved and o.kind in ${LOCAL_KINDS}
  where ev.kind = 'CULTURAL_EVENT' and ev.occasion_id is not null
  union all
  select case ev.kind when 'INTERNATIONAL_DAY' then 'international-day-held' when 'SEMINAR' then 'seminars-held' else 'network-meetings-held' end,
    ev.id, ev.held, ${dims}, ${kind}, 1, 0
  from ev ${kindJoin}
  where ev.kind in ('INTERNATIONAL_DAY', 'SEMINAR', 'NETWORK_MEETING')
  union all
  select 'international-day-participants', p.id, e.ends_at < @at, pa.district_id, pa.housing_area_id, e.occasion_id, p.participant_kind::text, 1, 0
  from international_day d
  join event e on e.id = d.event_id and e.status = 'PUBLISHED' and e.cancelled_at is null
  join participation p on p.international_day_id = d.id and p.status = 'CONFIRMED'
  left join association pa on pa.id = p.association_id
  where d.year = @yr
  union all
  select 'voluntary-initiatives', ev.id, ev.held, ${dims}, ${kind}, 1, 0
  from ev join voluntary v on v.event_id = ev.id ${kindJoin}
  union all
  select 'satisfaction-rate', ev.id, ev.held, ${dims}, ${kind}, an.answers, an.satisfied
  from ev join answers an on an.event_id = ev.id ${kindJoin}
  union all
  select 'attendance', ev.id, ev.held, ${dims}, ${kind}, case when ev.held then st.checked_in else st.confirmed end, 0
  from ev join seats st on st.event_id = ev.id ${kindJoin}
  where (case when ev.held then st.checked_in else st.confirmed end) > 0
)`;
}

/**
 * A contributor counts once per group however many facts it has (an association with three events,
 * an event with three organisers of one kind): held if any of its facts is held.
 */
export const AGGREGATES = `
  (count(*) filter (where held))::int as held_count,
  (count(*) filter (where not held))::int as planned_count,
  coalesce(sum(n) filter (where held), 0)::float8 as held_sum,
  coalesce(sum(n) filter (where not held), 0)::float8 as planned_sum,
  coalesce(sum(n), 0)::float8 as n,
  coalesce(sum(s), 0)::float8 as s`;

export interface AggregateRow {
  key: string;
  held_count: number;
  planned_count: number;
  held_sum: number;
  planned_sum: number;
  n: number;
  s: number;
}

/** One row per KPI key that has any fact. */
export const VALUES_SQL = `${factsCte(false)},
per_contributor as (
  select key, contributor_id, bool_or(held) as held, max(n) as n, max(s) as s from facts group by key, contributor_id
)
select key, ${AGGREGATES}
from per_contributor
group by key`;

/*
 * The figures of VALUES_SQL for the KPIs of KPIS.md, read from the counters the triggers keep
 * (kpi-counters.entity.ts) instead of the raw tables: the year's totals less its events that have
 * not ended by @at (few: only the year's remainder), its associations' first ends and the
 * International Day's count. Columns a KPI's aggregate does not read are filled alike, not exactly
 * as VALUES_SQL would (attendance's counts, the rate's held and planned).
 */
const COUNTED_FIGURES = `
  (count(*) filter (where held))::int as held_count,
  (count(*) filter (where not held))::int as planned_count,
  (count(*) filter (where held))::float8 as held_sum,
  (count(*) filter (where not held))::float8 as planned_sum,
  count(*)::float8 as n,
  0::float8 as s`;

export const COUNTED_VALUES_SQL = `
with totals as (
  select coalesce(sum(t.international_days), 0)::int as idays, coalesce(sum(t.seminars), 0)::int as seminars,
    coalesce(sum(t.network_meetings), 0)::int as meetings, coalesce(sum(t.voluntary_initiatives), 0)::int as voluntary,
    coalesce(sum(t.answers), 0)::int as answers, coalesce(sum(t.satisfied), 0)::int as satisfied,
    coalesce(sum(t.checked_in), 0)::int as checked_in
  from kpi_year_total t
  where t.year = @yr
),
planned as (
  select (count(*) filter (where c.kind = 'INTERNATIONAL_DAY'))::int as idays, (count(*) filter (where c.kind = 'SEMINAR'))::int as seminars,
    (count(*) filter (where c.kind = 'NETWORK_MEETING'))::int as meetings, (count(*) filter (where c.voluntary >= 2))::int as voluntary,
    coalesce(sum(c.checked_in), 0)::int as checked_in, coalesce(sum(c.confirmed), 0)::int as confirmed
  from kpi_event_count c
  where c.counted and c.ends_at >= @at and c.starts_at >= @y0 and c.starts_at < @y1
)
select k.key, k.held::int as held_count, k.planned::int as planned_count, k.held::float8 as held_sum, k.planned::float8 as planned_sum,
  k.n::float8 as n, k.s::float8 as s
from totals t cross join planned p cross join lateral (values
  ('international-day-held', t.idays - p.idays, p.idays, t.idays, 0),
  ('seminars-held', t.seminars - p.seminars, p.seminars, t.seminars, 0),
  ('network-meetings-held', t.meetings - p.meetings, p.meetings, t.meetings, 0),
  ('voluntary-initiatives', t.voluntary - p.voluntary, p.voluntary, t.voluntary, 0),
  ('satisfaction-rate', 0, 0, t.answers, t.satisfied),
  ('attendance', t.checked_in - p.checked_in, p.confirmed, t.checked_in - p.checked_in + p.confirmed, 0)
) k(key, held, planned, n, s)
union all
select 'associations-involved', ${COUNTED_FIGURES}
from (select k.first_ends_at < @at as held from kpi_association_year k where k.year = @yr and k.events > 0) a
union all
select 'international-day-participants',
  coalesce(sum(p.confirmed) filter (where p.held), 0)::int, coalesce(sum(p.confirmed) filter (where not p.held), 0)::int,
  coalesce(sum(p.confirmed) filter (where p.held), 0)::float8, coalesce(sum(p.confirmed) filter (where not p.held), 0)::float8,
  coalesce(sum(p.confirmed), 0)::float8, 0::float8
from (
  select c.ends_at < @at as held, n.confirmed
  from international_day d
  join kpi_event_count c on c.event_id = d.event_id and c.counted
  join kpi_international_day_count n on n.international_day_id = d.id
  where d.year = @yr
) p`;

/** The KPIs COUNTED_VALUES_SQL answers; a KPI added without counters is read from VALUES_SQL. */
export const COUNTED_KPI_KEYS: ReadonlySet<string> = new Set([
  'associations-involved',
  'international-day-held',
  'international-day-participants',
  'seminars-held',
  'network-meetings-held',
  'voluntary-initiatives',
  'satisfaction-rate',
  'attendance',
]);

export interface BreakdownRow extends AggregateRow {
  group_key: string | null;
  group_name: Record<string, string> | null;
  sort_order: number | null;
}

export const GROUP_COLUMN: Record<KpiDimension, string> = {
  [KpiDimension.DISTRICT]: 'district_id::text',
  [KpiDimension.HOUSING_AREA]: 'housing_area_id::text',
  [KpiDimension.OCCASION]: 'occasion_id::text',
  [KpiDimension.ASSOCIATION_KIND]: 'association_kind',
  [KpiDimension.WORK_PLAN_FOCUS]: 'focus',
};

export const GROUP_LABEL: Record<KpiDimension, { join: string; key: string; name: string; order: string }> = {
  [KpiDimension.DISTRICT]: {
    join: 'left join district x on x.id::text = g.group_id',
    key: 'x.slug',
    name: 'x.name',
    order: 'x.sort_order',
  },
  [KpiDimension.HOUSING_AREA]: {
    join: 'left join housing_area x on x.id::text = g.group_id',
    key: 'x.slug',
    name: 'x.name',
    order: 'null::int',
  },
  [KpiDimension.OCCASION]: { join: 'left join occasion x on x.id::text = g.group_id', key: 'x.slug', name: 'x.name', order: 'null::int' },
  [KpiDimension.ASSOCIATION_KIND]: { join: '', key: 'g.group_id', name: 'null::jsonb', order: 'null::int' },
  [KpiDimension.WORK_PLAN_FOCUS]: { join: '', key: 'g.group_id', name: 'null::jsonb', order: 'null::int' },
};

/** One row per KPI and group of the dimension; a null group key collects facts without one (no district, …). */
export function breakdownSql(dimension: KpiDimension): string {
  const label = GROUP_LABEL[dimension];
  return `${factsCte(dimension === KpiDimension.ASSOCIATION_KIND)},
per_group as (
  select key, ${GROUP_COLUMN[dimension]} as group_id, contributor_id, bool_or(held) as held, max(n) as n, max(s) as s
  from facts group by 1, 2, 3
),
groups as (
  select key, group_id, ${AGGREGATES} from per_group group by key, group_id
)
select g.*, ${label.key} as group_key, ${label.name} as group_name, ${label.order} as sort_order
from groups g ${label.join}`;
}

export interface ContributorRow {
  key: string;
  id: string;
  held: boolean;
  n: number;
  s: number;
  association_slug: string | null;
  association_name: string | null;
  association_kind: string | null;
  participant_name: string | null;
  participant_kind: string | null;
  event_slug: string | null;
  event_title: Record<string, string> | null;
  event_kind: string | null;
  event_starts_at: Date | null;
}

export const CONTRIBUTORS_SQL = `${factsCte(false)},
per_contributor as (
  select key, contributor_id, bool_or(held) as held, max(n) as n, max(s) as s from facts group by key, contributor_id
)
select pc.key, pc.contributor_id as id, pc.held, pc.n, pc.s,
  coalesce(a.slug, pa.slug) as association_slug, coalesce(a.name, pa.name) as association_name, a.kind::text as association_kind,
  p.organisation_name as participant_name, p.participant_kind::text as participant_kind,
  e.slug as event_slug, e.title as event_title, e.kind::text as event_kind, e.starts_at as event_starts_at
from per_contributor pc
left join association a on pc.key = 'associations-involved' and a.id = pc.contributor_id
left join participation p on pc.key = 'international-day-participants' and p.id = pc.contributor_id
left join association pa on pa.id = p.association_id
left join event e on pc.key not in ('associations-involved', 'international-day-participants') and e.id = pc.contributor_id`;

export interface InvolvementRow {
  association_id: string;
  association_slug: string;
  association_name: string;
  association_kind: string;
  event_id: string;
  event_slug: string;
  event_title: Record<string, string>;
  starts_at: Date;
  ends_at: Date;
  status: string;
  role: string;
  occasion_slug: string;
  occasion_name: Record<string, string>;
}

/**
 * The qualifying events of local associations in the year, published or still on their way
 * (submitted, draft): the detail of `associations-involved` and the follow-up list.
 */
export const INVOLVEMENT_SQL = `
select a.id as association_id, a.slug as association_slug, a.name as association_name, a.kind::text as association_kind,
  e.id as event_id, e.slug as event_slug, e.title as event_title, e.starts_at, e.ends_at, e.status::text as status, o.role::text as role,
  oc.slug as occasion_slug, oc.name as occasion_name
from event e
join event_organizer o on o.event_id = e.id and o.status = 'ACCEPTED'
join association a on a.id = o.association_id and a.status = 'APPROVED' and a.kind in ${LOCAL_KINDS}
join occasion oc on oc.id = e.occasion_id
where e.kind = 'CULTURAL_EVENT' and e.starts_at >= @y0 and e.starts_at < @y1
  and e.cancelled_at is null and e.status in ('PUBLISHED', 'SUBMITTED', 'DRAFT')
order by a.name, a.id, e.starts_at, e.id`;

/**
 * Gives a year the targets it lacks: each missing key copies the latest earlier year's target,
 * or the default when no earlier year has one. Concurrent callers are harmless (on conflict).
 * Parameters: the year, JSON [{ key, dflt }], the year again.
 */
export const COPY_TARGETS_FORWARD_SQL = `
insert into kpi_target (id, created_at, updated_at, key, year, target)
select gen_random_uuid(), now(), now(), d.key, cast(? as smallint), case when prev.found then prev.target else d.dflt end
from json_to_recordset(cast(? as json)) as d(key text, dflt float8)
left join lateral (
  select true as found, t.target from kpi_target t where t.key = d.key and t.year < cast(? as smallint) order by t.year desc limit 1
) prev on true
on conflict (key, year) do nothing`;

/** Every dimension, in the order reports print them. */
export const BREAKDOWN_DIMENSIONS: readonly KpiDimension[] = [
  KpiDimension.DISTRICT,
  KpiDimension.HOUSING_AREA,
  KpiDimension.OCCASION,
  KpiDimension.ASSOCIATION_KIND,
  KpiDimension.WORK_PLAN_FOCUS,
];

/** Dimensions the calendar's facts have; the work plan's focus belongs to its facts alone. */
export const CALENDAR_DIMENSIONS: readonly KpiDimension[] = BREAKDOWN_DIMENSIONS.filter((d) => d !== KpiDimension.WORK_PLAN_FOCUS);
