import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Association } from '@mangfold/associations';
import { Event, EventKind } from '@mangfold/calendar';
import { InternationalDay } from '@mangfold/registrations';

/*
 * The KPIs' running totals (KPIS.md), so `kpis(year)` reads a year's worth of narrow rows instead of
 * joining the events with their organisers, registrations and answers on every request. Triggers
 * of the kpi_counters migration keep them in the transaction of every change, whichever path makes
 * it (services, raw-SQL fast paths, admin SQL); nothing in the application writes them.
 */

/** One row per event: what the KPIs need of it and its live counts. */
@Entity({ tableName: 'kpi_event_count' })
/** The events not ended yet, which a read takes out of the year's totals. */
@Index({
  name: 'kpi_event_count_counted_ends_at_idx',
  expression: 'create index "kpi_event_count_counted_ends_at_idx" on "kpi_event_count" ("ends_at") where "counted"',
})
export class KpiEventCount {
  @ManyToOne(() => Event, { primary: true, deleteRule: 'cascade' })
  event!: Rel<Event>;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Enum({ items: () => EventKind, nativeEnumName: 'event_kind' })
  kind!: EventKind;

  /** Published and not cancelled: the events every KPI reads. */
  @Property({ type: 'boolean' })
  counted!: boolean;

  /** Marks an occasion (associations-involved). */
  @Property({ type: 'boolean' })
  occasion!: boolean;

  /** Accepted organisers that are approved voluntary organisations (voluntary-initiatives). */
  @Property({ type: 'int' })
  voluntary: Opt<number> = 0;

  @Property({ type: 'int' })
  confirmed: Opt<number> = 0;

  /** Checked in and not cancelled since. */
  @Property({ type: 'int' })
  checkedIn: Opt<number> = 0;

  @Property({ type: 'int' })
  answers: Opt<number> = 0;

  @Property({ type: 'int' })
  satisfied: Opt<number> = 0;
}

/**
 * associations-involved: per local approved association and year (Copenhagen), its qualifying
 * events (counted cultural events marking an occasion, accepted organiser) and when the first of
 * them ends: it counts as held once that moment has passed, as planned before.
 */
@Entity({ tableName: 'kpi_association_year' })
@Index({ properties: ['year'] })
export class KpiAssociationYear {
  @ManyToOne(() => Association, { primary: true, deleteRule: 'cascade' })
  association!: Rel<Association>;

  @Property({ type: 'smallint', primary: true })
  year!: number;

  @Property({ type: 'int' })
  events: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  firstEndsAt: Date | null = null;
}

/** international-day-participants: confirmed participations per International Day. */
@Entity({ tableName: 'kpi_international_day_count' })
export class KpiInternationalDayCount {
  @ManyToOne(() => InternationalDay, { primary: true, deleteRule: 'cascade' })
  internationalDay!: Rel<InternationalDay>;

  @Property({ type: 'int' })
  confirmed: Opt<number> = 0;
}

/**
 * The year's totals over its counted events (by the year they start in, Copenhagen), so a KPI read
 * adds up a few rows and subtracts the events not ended yet. Spread over 16 shards by event, so
 * registrations for different events rarely wait for one another's row lock.
 */
@Entity({ tableName: 'kpi_year_total' })
export class KpiYearTotal {
  @Property({ type: 'smallint', primary: true })
  year!: number;

  @Property({ type: 'smallint', primary: true })
  shard!: number;

  @Property({ type: 'int' })
  internationalDays: Opt<number> = 0;

  @Property({ type: 'int' })
  seminars: Opt<number> = 0;

  @Property({ type: 'int' })
  networkMeetings: Opt<number> = 0;

  /** Events with at least 2 approved voluntary organisations among their accepted organisers. */
  @Property({ type: 'int' })
  voluntaryInitiatives: Opt<number> = 0;

  @Property({ type: 'int' })
  answers: Opt<number> = 0;

  @Property({ type: 'int' })
  satisfied: Opt<number> = 0;

  @Property({ type: 'int' })
  checkedIn: Opt<number> = 0;
}
