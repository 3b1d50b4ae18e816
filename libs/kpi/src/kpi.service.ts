import { Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AssociationKind } from '@mangfold/associations';
import { audit } from '@mangfold/db';
import type { EventKind, OrganiserRole } from '@mangfold/calendar';
import { BadUserInputError } from '@mangfold/graphql';
import { CALENDAR_KPI_KEYS, KPI_DEFINITIONS, kpiDefinition, type KpiAggregate, type KpiDefinition } from './kpi-definitions';
import { ASSOCIATION_KIND_LABELS, FOCUS_LABELS, NO_GROUP_LABELS } from './kpi-labels';
import {
  BREAKDOWN_DIMENSIONS,
  CALENDAR_DIMENSIONS,
  COPY_TARGETS_FORWARD_SQL,
  COUNTED_KPI_KEYS,
  COUNTED_VALUES_SQL,
  CONTRIBUTORS_SQL,
  INVOLVEMENT_SQL,
  VALUES_SQL,
  bindYear,
  breakdownSql,
  type AggregateRow,
  type BreakdownRow,
  type ContributorRow,
  type InvolvementRow,
} from './kpi-queries';
import { kpiStatus } from './kpi-status';
import { KpiTarget } from './kpi-target.entity';
import { assertKpiYear, yearBounds, type YearBounds } from './kpi-year';
import {
  ContributionState,
  InvolvedEventState,
  KpiContributorType,
  type AssociationInvolvementData,
  type InvolvedAssociationData,
  type KpiBreakdownGroupData,
  type KpiBreakdownsData,
  type KpiContributorData,
  type KpiDimension,
  type KpiSnapshotData,
  type KpiValueData,
} from './kpi.types';
import { WORKPLAN_CONTRIBUTORS_SQL, WORKPLAN_VALUES_SQL, workplanBreakdownSql, type WorkplanContributorRow } from './workplan-kpi-queries';

interface Figures {
  actual: number | null;
  planned: number | null;
  answers: number | null;
}

/** How a KPI's aggregate row becomes its held and planned figures. */
function figuresOf(aggregate: KpiAggregate, row: AggregateRow | undefined): Figures {
  switch (aggregate) {
    case 'count':
      return { actual: row?.held_count ?? 0, planned: row?.planned_count ?? 0, answers: null };
    case 'sum':
      return { actual: row?.held_sum ?? 0, planned: row?.planned_sum ?? 0, answers: null };
    case 'rate': {
      const answers = row?.n ?? 0;
      return { actual: answers > 0 ? row!.s / answers : null, planned: null, answers };
    }
  }
}

const byLocalName = (a: { name: Record<string, string | undefined> }, b: { name: Record<string, string | undefined> }) =>
  (a.name.da ?? a.name.en ?? '').localeCompare(b.name.da ?? b.name.en ?? '', 'da');

/**
 * KPIS.md computed in the database: a handful of aggregate statements per question, never the
 * year's events loaded into memory. "Held" and "planned" are decided against one moment (`at`),
 * passed along so the values, contributors and breakdowns of one answer agree.
 */
@Injectable()
export class KpiService {
  constructor(private readonly em: EntityManager) {}

  private run<T>(sql: string, bounds: YearBounds, at: Date): Promise<T[]> {
    const [text, params] = bindYear(sql, { y0: bounds.start, y1: bounds.end, at, yr: bounds.year });
    return this.em.execute<T[]>(text, params);
  }

  /** The year's targets, first copying forward the ones it lacks (KPIS.md: targets live in the database). */
  async targets(year: number): Promise<Map<string, number | null>> {
    const read = async () =>
      new Map(
        (await this.em.execute<{ key: string; target: number | null }[]>('select key, target from kpi_target where year = ?', [year])).map(
          (r) => [r.key, r.target],
        ),
      );
    let targets = await read();
    if (KPI_DEFINITIONS.some((d) => !targets.has(d.key))) {
      const defaults = KPI_DEFINITIONS.map((d) => ({ key: d.key, dflt: d.defaultTarget }));
      await this.em.execute(COPY_TARGETS_FORWARD_SQL, [year, JSON.stringify(defaults), year]);
      targets = await read();
    }
    return targets;
  }

  async kpis(year: number, at: Date = new Date()): Promise<KpiValueData[]> {
    assertKpiYear(year, at);
    const bounds = yearBounds(year);
    // One statement after the other: inside a report's transaction they share one connection.
    const targets = await this.targets(year);
    // The calendar's KPIs from the counters (the raw tables only for one without counters yet); the
    // work plan's from their own facts.
    const rows = [
      ...(await this.run<AggregateRow>(COUNTED_VALUES_SQL, bounds, at)),
      ...(await this.run<AggregateRow>(WORKPLAN_VALUES_SQL, bounds, at)),
    ];
    if (CALENDAR_KPI_KEYS.some((key) => !COUNTED_KPI_KEYS.has(key))) {
      rows.push(...(await this.run<AggregateRow>(VALUES_SQL, bounds, at)).filter((r) => !COUNTED_KPI_KEYS.has(r.key)));
    }
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return KPI_DEFINITIONS.map((def) => this.value(def, bounds, at, targets.get(def.key) ?? null, byKey.get(def.key)));
  }

  async kpi(key: string, year: number, at: Date = new Date()): Promise<KpiValueData> {
    this.definitionOf(key);
    return (await this.kpis(year, at)).find((k) => k.key === key)!;
  }

  private value(def: KpiDefinition, bounds: YearBounds, at: Date, target: number | null, row: AggregateRow | undefined): KpiValueData {
    const figures = figuresOf(def.aggregate, row);
    return {
      key: def.key,
      year: bounds.year,
      title: def.title,
      description: def.description,
      unit: def.unit,
      aggregate: def.aggregate,
      target,
      ...figures,
      status: kpiStatus({ aggregate: def.aggregate, target, ...figures, yearOver: at >= bounds.end, minAnswers: def.minAnswers }),
      asOf: at.toISOString(),
    };
  }

  private definitionOf(key: string): KpiDefinition {
    const def = kpiDefinition(key);
    if (!def) throw BadUserInputError.field('key', `is not a KPI; one of ${KPI_DEFINITIONS.map((d) => d.key).join(', ')}`);
    return def;
  }

  /** What each KPI counted, by key: the associations, events or participations, held ones first. */
  async contributors(year: number, at: Date): Promise<Map<string, KpiContributorData[]>> {
    const rows = await this.run<ContributorRow>(CONTRIBUTORS_SQL, yearBounds(year), at);
    const result = new Map<string, KpiContributorData[]>(KPI_DEFINITIONS.map((d) => [d.key, []]));
    for (const r of rows) {
      const def = kpiDefinition(r.key)!;
      const type =
        r.key === 'associations-involved'
          ? KpiContributorType.ASSOCIATION
          : r.key === 'international-day-participants'
            ? KpiContributorType.PARTICIPATION
            : KpiContributorType.EVENT;
      const name =
        type === KpiContributorType.EVENT
          ? (r.event_title ?? {})
          : { da: r.participant_name ?? r.association_name ?? '', en: r.participant_name ?? r.association_name ?? '' };
      result.get(r.key)!.push({
        type,
        id: r.id,
        slug: type === KpiContributorType.EVENT ? r.event_slug : r.association_slug,
        name,
        state: r.held ? ContributionState.HELD : ContributionState.PLANNED,
        associationKind: (r.association_kind ?? r.participant_kind) as AssociationKind | null,
        eventKind: r.event_kind as EventKind | null,
        startsAt: r.event_starts_at ? new Date(r.event_starts_at).toISOString() : null,
        count: def.aggregate === 'count' ? null : r.n,
        satisfied: def.aggregate === 'rate' ? r.s : null,
      });
    }
    for (const r of await this.run<WorkplanContributorRow>(WORKPLAN_CONTRIBUTORS_SQL, yearBounds(year), at)) {
      const def = kpiDefinition(r.key)!;
      result.get(r.key)!.push({
        type: r.contributor_type as KpiContributorType,
        id: r.id,
        slug: r.slug,
        name: r.name,
        state: r.held ? ContributionState.HELD : ContributionState.PLANNED,
        associationKind: r.association_kind as AssociationKind | null,
        eventKind: r.event_kind as EventKind | null,
        startsAt: r.starts_at ? new Date(r.starts_at).toISOString() : null,
        count: def.aggregate === 'count' ? null : r.n,
        satisfied: def.aggregate === 'rate' ? r.s : null,
      });
    }
    for (const list of result.values()) {
      list.sort(
        (a, b) =>
          (a.state === b.state ? 0 : a.state === ContributionState.HELD ? -1 : 1) ||
          (a.startsAt ?? '').localeCompare(b.startsAt ?? '') ||
          byLocalName(a, b) ||
          a.id.localeCompare(b.id),
      );
    }
    return result;
  }

  /** Each KPI broken down by one dimension; groups may overlap (an association active in two districts counts in both). */
  async breakdown(year: number, at: Date, dimension: KpiDimension): Promise<Map<string, KpiBreakdownGroupData[]>> {
    const calendarRows = CALENDAR_DIMENSIONS.includes(dimension)
      ? await this.run<BreakdownRow>(breakdownSql(dimension), yearBounds(year), at)
      : [];
    const rows = [...calendarRows, ...(await this.run<BreakdownRow>(workplanBreakdownSql(dimension), yearBounds(year), at))];
    const result = new Map<string, (KpiBreakdownGroupData & { order: number | null })[]>(KPI_DEFINITIONS.map((d) => [d.key, []]));
    for (const r of rows) {
      const def = kpiDefinition(r.key)!;
      const name =
        r.group_key === null
          ? NO_GROUP_LABELS[dimension]
          : (r.group_name ??
            ASSOCIATION_KIND_LABELS[r.group_key as AssociationKind] ??
            FOCUS_LABELS[r.group_key] ?? { da: r.group_key, en: r.group_key });
      result.get(r.key)!.push({ key: r.group_key, name, ...figuresOf(def.aggregate, r), order: r.sort_order });
    }
    const sorted = new Map<string, KpiBreakdownGroupData[]>();
    for (const [key, groups] of result) {
      groups.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || (a.order ?? 0) - (b.order ?? 0) || byLocalName(a, b));
      sorted.set(
        key,
        groups.map(({ order: _order, ...group }) => group),
      );
    }
    return sorted;
  }

  /** The "at least 4 local associations" KPI in detail, with who to follow up with. */
  async associationsInvolved(year: number, at: Date = new Date()): Promise<AssociationInvolvementData> {
    assertKpiYear(year, at);
    const bounds = yearBounds(year);
    const kpi = await this.kpi('associations-involved', year, at);
    const rows = await this.run<InvolvementRow>(INVOLVEMENT_SQL, bounds, at);
    const byAssociation = new Map<string, InvolvedAssociationData>();
    for (const r of rows) {
      let entry = byAssociation.get(r.association_id);
      if (!entry) {
        entry = {
          association: {
            id: r.association_id,
            slug: r.association_slug,
            name: r.association_name,
            kind: r.association_kind as AssociationKind,
          },
          events: [],
        };
        byAssociation.set(r.association_id, entry);
      }
      const state =
        r.status === 'PUBLISHED'
          ? new Date(r.ends_at) < at
            ? InvolvedEventState.HELD
            : InvolvedEventState.PLANNED
          : r.status === 'SUBMITTED'
            ? InvolvedEventState.SUBMITTED
            : InvolvedEventState.DRAFT;
      entry.events.push({
        id: r.event_id,
        slug: r.event_slug,
        title: r.event_title,
        startsAt: new Date(r.starts_at).toISOString(),
        endsAt: new Date(r.ends_at).toISOString(),
        state,
        role: r.role as OrganiserRole,
        occasion: { slug: r.occasion_slug, name: r.occasion_name },
      });
    }
    const associations: InvolvedAssociationData[] = [];
    const followUp: InvolvedAssociationData[] = [];
    for (const entry of byAssociation.values()) {
      const held = entry.events.filter((e) => e.state === InvolvedEventState.HELD);
      if (held.length > 0) associations.push({ association: entry.association, events: held });
      else followUp.push(entry);
    }
    return {
      year,
      target: kpi.target,
      held: kpi.actual ?? 0,
      planned: kpi.planned ?? 0,
      status: kpi.status,
      asOf: kpi.asOf,
      associations,
      followUp,
    };
  }

  /** Sets one KPI's target for a year (admin); the change is audited. */
  async setTarget(key: string, year: number, target: number, actorId: string | null, at: Date = new Date()): Promise<KpiValueData> {
    const def = this.definitionOf(key);
    assertKpiYear(year, at);
    if (!Number.isFinite(target) || target < 0) throw BadUserInputError.field('target', 'must be a number of at least 0');
    if (def.aggregate === 'rate' && target > 1) throw BadUserInputError.field('target', 'is a share: from 0 to 1 (e.g. 0.667 for 2/3)');
    if (def.aggregate !== 'rate' && !Number.isInteger(target)) throw BadUserInputError.field('target', 'must be a whole number');
    await this.targets(year);
    await this.em.transactional(async (em) => {
      const row = await em.findOneOrFail(KpiTarget, { key, year });
      const from = row.target;
      row.target = target;
      audit(em, { actorId, action: 'kpi-target.set', entityType: 'KpiTarget', entityId: row.id, changes: { key, year, from, to: target } });
    });
    return this.kpi(key, year, at);
  }

  /** Everything a status report keeps: every KPI with its contributors and breakdowns, and the associations detail. */
  async snapshot(year: number, at: Date): Promise<{ kpis: KpiSnapshotData[]; associationsInvolved: AssociationInvolvementData }> {
    assertKpiYear(year, at);
    // Targets first, in a statement of their own: copying them forward inside the report's
    // transaction would hold the new rows until commit and deadlock a concurrent report.
    await this.targets(year);
    // One repeatable-read transaction: every statement sees the same data, so the report adds up.
    const { values, contributors, involvement, breakdowns } = await this.em.transactional(
      async () => {
        const result = {
          values: await this.kpis(year, at),
          contributors: await this.contributors(year, at),
          involvement: await this.associationsInvolved(year, at),
          breakdowns: [] as Map<string, KpiBreakdownGroupData[]>[],
        };
        for (const dimension of BREAKDOWN_DIMENSIONS) result.breakdowns.push(await this.breakdown(year, at, dimension));
        return result;
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ },
    );
    const kpis = values.map((v) => {
      const byDimension = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d, i) => [d, breakdowns[i].get(v.key) ?? []])) as KpiBreakdownsData;
      return { ...v, contributors: contributors.get(v.key) ?? [], breakdowns: byDimension };
    });
    return { kpis, associationsInvolved: involvement };
  }
}
