import { csvRow, type Language } from '@mangfold/common';
import { BREAKDOWN_DIMENSIONS } from './kpi-queries';
import { t, type RenderableReport } from './report-words';

const CSV_COLUMNS = [
  'section',
  'kpi',
  'title',
  'unit',
  'target',
  'actual',
  'planned',
  'answers',
  'status',
  'dimension',
  'group',
  'item_type',
  'item_id',
  'item_slug',
  'item_name',
  'item_kind',
  'state',
  'starts_at',
  'count',
  'satisfied',
  'association',
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/**
 * One table in long form, so a spreadsheet can filter by `section`: a KPI row per KPI, then its
 * contributors (CONTRIBUTOR), its breakdowns (BREAKDOWN) and the associations detail (INVOLVED,
 * FOLLOW_UP). RFC 4180, comma-separated, UTF-8, decimals with a point, instants in ISO 8601 UTC.
 */
export function renderStatusReportCsv(report: RenderableReport, lang: Language = 'da'): string {
  const rows: CsvRow[] = [];
  for (const k of report.snapshot.kpis) {
    const base = { kpi: k.key, title: t(k.title, lang) };
    rows.push({
      section: 'KPI',
      ...base,
      unit: k.unit,
      target: k.target,
      actual: k.actual,
      planned: k.planned,
      answers: k.answers,
      status: k.status,
    });
    for (const c of k.contributors) {
      rows.push({
        section: 'CONTRIBUTOR',
        ...base,
        item_type: c.type,
        item_id: c.id,
        item_slug: c.slug,
        item_name: t(c.name, lang),
        item_kind: c.associationKind ?? c.eventKind,
        state: c.state,
        starts_at: c.startsAt,
        count: c.count,
        satisfied: c.satisfied,
      });
    }
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      for (const g of k.breakdowns[dimension] ?? []) {
        rows.push({
          section: 'BREAKDOWN',
          ...base,
          dimension,
          group: g.key ?? '',
          item_name: t(g.name, lang),
          actual: g.actual,
          planned: g.planned,
          answers: g.answers,
        });
      }
    }
  }
  const inv = report.snapshot.associationsInvolved;
  for (const [section, list] of [
    ['INVOLVED', inv.associations],
    ['FOLLOW_UP', inv.followUp],
  ] as const) {
    for (const entry of list) {
      for (const e of entry.events) {
        rows.push({
          section,
          kpi: 'associations-involved',
          association: entry.association.name,
          item_kind: entry.association.kind,
          item_type: 'EVENT',
          item_id: e.id,
          item_slug: e.slug,
          item_name: t(e.title, lang),
          group: e.occasion?.slug ?? '',
          state: e.state,
          starts_at: e.startsAt,
        });
      }
    }
  }
  return csvRow(CSV_COLUMNS) + rows.map((row) => csvRow(CSV_COLUMNS.map((c) => row[c]))).join('');
}
