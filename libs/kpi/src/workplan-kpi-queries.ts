import { WORKPLAN_KPI_FACTS_SQL } from '@mangfold/workplan';
import { AGGREGATES, GROUP_COLUMN, GROUP_LABEL, type AggregateRow, type BreakdownRow } from './kpi-queries';
import type { KpiDimension } from './kpi.types';

/*
 * The work plan's KPIs over the facts @mangfold/workplan states (assignments, project visits,
 * atlases, themed events), aggregated exactly as the calendar's facts are, in statements of their own.
 */

const FACTS = `with facts as (${WORKPLAN_KPI_FACTS_SQL})`;

const PER_CONTRIBUTOR = `per_contributor as (
  select key, contributor_id, bool_or(held) as held, max(n) as n, max(s) as s from facts group by key, contributor_id
)`;

export const WORKPLAN_VALUES_SQL = `${FACTS}, ${PER_CONTRIBUTOR}
select key, ${AGGREGATES} from per_contributor group by key`;

export type WorkplanAggregateRow = AggregateRow;

export interface WorkplanContributorRow {
  key: string;
  id: string;
  contributor_type: string;
  held: boolean;
  n: number;
  s: number;
  name: Record<string, string>;
  slug: string | null;
  association_kind: string | null;
  event_kind: string | null;
  starts_at: Date | null;
}

export const WORKPLAN_CONTRIBUTORS_SQL = `${FACTS}
select key, contributor_id as id, min(contributor_type) as contributor_type, bool_or(held) as held, max(n)::float8 as n, max(s)::float8 as s,
  (array_agg(name))[1] as name, min(slug) as slug, min(association_kind) as association_kind, min(event_kind) as event_kind,
  min(starts_at) as starts_at
from facts group by key, contributor_id`;

export function workplanBreakdownSql(dimension: KpiDimension): string {
  const label = GROUP_LABEL[dimension];
  return `${FACTS},
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

export type WorkplanBreakdownRow = BreakdownRow;
