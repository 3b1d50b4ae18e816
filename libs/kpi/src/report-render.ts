import { csvRow, escapeHtml, type Language } from '@mangfold/common';
import { localize, type LocalizedText } from '@mangfold/db';
import { KPI_ZONE } from './kpi-year';
import { BREAKDOWN_DIMENSIONS } from './kpi-queries';
import { ASSOCIATION_KIND_LABELS, DIMENSION_LABELS, PERIOD_LABELS, STATE_LABELS, STATUS_LABELS } from './kpi-labels';
import { KpiStatus } from './kpi-status';
import type { KpiSnapshotData, InvolvedAssociationData, ReportSnapshot } from './kpi.types';
import type { ReportPeriod, ReportTrigger } from './status-report.entity';

/** What the renderers need of a report (the entity satisfies it). */
export interface RenderableReport {
  id: string;
  year: number;
  period: ReportPeriod;
  trigger: ReportTrigger;
  generatedAt: Date;
  generatedByEmail: string | null;
  snapshot: ReportSnapshot;
}

const WORDS = {
  title: { da: 'Statusrapport', en: 'Status report' },
  calendar: { da: 'Mangfoldighedskalenderen', en: 'The diversity calendar' },
  madeAt: { da: 'Opgjort', en: 'As of' },
  madeBy: { da: 'af', en: 'by' },
  scheduled: { da: 'automatisk', en: 'scheduled' },
  kpi: { da: 'Nøgletal', en: 'KPI' },
  target: { da: 'Mål', en: 'Target' },
  actual: { da: 'Afholdt', en: 'Held' },
  planned: { da: 'Planlagt', en: 'Planned' },
  status: { da: 'Status', en: 'Status' },
  answers: { da: 'svar', en: 'answers' },
  summary: { da: 'Overblik', en: 'Summary' },
  involved: { da: 'Lokale foreninger med kulturelle arrangementer', en: 'Local associations running cultural events' },
  counted: { da: 'Talt med', en: 'Counted' },
  followUp: { da: 'Følg op: kun planlagte eller ikke-godkendte arrangementer', en: 'Follow up: only planned or unpublished events' },
  none: { da: 'Ingen', en: 'None' },
  contributors: { da: 'Hvad der er talt med', en: 'What was counted' },
  breakdowns: { da: 'Fordelt på', en: 'Broken down by' },
  name: { da: 'Navn', en: 'Name' },
  kind: { da: 'Type', en: 'Kind' },
  date: { da: 'Dato', en: 'Date' },
  state: { da: 'Tilstand', en: 'State' },
  count: { da: 'Antal', en: 'Count' },
  satisfied: { da: 'tilfredse', en: 'satisfied' },
  groupsOverlap: {
    da: 'En forening eller et arrangement kan tælle i flere grupper, så grupperne summerer ikke nødvendigvis til totalen.',
    en: 'An association or event may count in several groups, so groups need not add up to the total.',
  },
  noTarget: { da: 'ikke sat', en: 'not set' },
  held: { da: 'afholdt', en: 'held' },
  plannedLower: { da: 'planlagt', en: 'planned' },
} satisfies Record<string, LocalizedText>;

const t = (text: LocalizedText | null | undefined, lang: Language): string => localize(text, lang) ?? '';

function locale(lang: Language): string {
  return lang === 'da' ? 'da-DK' : 'en-GB';
}

export function formatInstant(iso: string | Date, lang: Language, withTime = true): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: KPI_ZONE,
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(iso));
}

/** A KPI figure as people read it: rates as percentages, counts as whole numbers. */
export function formatFigure(kpi: Pick<KpiSnapshotData, 'aggregate'>, value: number | null, lang: Language): string {
  if (value === null) return '–';
  if (kpi.aggregate === 'rate') {
    return new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(value);
}

function reportTitle(report: RenderableReport, lang: Language): string {
  return `${t(WORDS.title, lang)} ${report.year} (${t(PERIOD_LABELS[report.period], lang)})`;
}

function actualText(kpi: KpiSnapshotData, lang: Language): string {
  const value = formatFigure(kpi, kpi.actual, lang);
  return kpi.aggregate === 'rate' ? `${value} (${kpi.answers ?? 0} ${t(WORDS.answers, lang)})` : value;
}

export function statusReportFileName(report: RenderableReport, extension: 'csv' | 'html'): string {
  return `mangfold-status-report-${report.year}-${report.period.toLowerCase().replace('_', '-')}-${report.generatedAt
    .toISOString()
    .slice(0, 10)}.${extension}`;
}

const STYLE = `
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1a1a1a; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1rem; margin-bottom: 0.3rem; } .meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num, th.num { text-align: right; white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; } .MET { color: #176f2c; } .ON_TRACK { color: #1d5fa8; } .AT_RISK { color: #a65b00; } .MISSED { color: #b3261e; } .NO_TARGET { color: #555; }
.note { color: #555; font-size: 0.85rem; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } table { break-inside: auto; } tr { break-inside: avoid; } }
`;

function involvementList(entries: InvolvedAssociationData[], lang: Language): string {
  if (entries.length === 0) return `<p>${t(WORDS.none, lang)}</p>`;
  const rows = entries.flatMap((entry) =>
    entry.events.map(
      (e, i) =>
        `<tr>${
          i === 0
            ? `<td rowspan="${entry.events.length}">${escapeHtml(entry.association.name)}<br><span class="note">${escapeHtml(
                t(ASSOCIATION_KIND_LABELS[entry.association.kind], lang),
              )}</span></td>`
            : ''
        }<td>${escapeHtml(t(e.title, lang))}</td><td>${escapeHtml(t(e.occasion?.name, lang))}</td><td>${formatInstant(
          e.startsAt,
          lang,
        )}</td><td>${escapeHtml(t(STATE_LABELS[e.state], lang))}</td></tr>`,
    ),
  );
  return `<table><thead><tr><th>${t(WORDS.name, lang)}</th><th>${lang === 'da' ? 'Arrangement' : 'Event'}</th><th>${t(
    DIMENSION_LABELS.OCCASION,
    lang,
  )}</th><th>${t(WORDS.date, lang)}</th><th>${t(WORDS.state, lang)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function contributorTable(kpi: KpiSnapshotData, lang: Language): string {
  if (kpi.contributors.length === 0) return `<p>${t(WORDS.none, lang)}</p>`;
  const withCount = kpi.aggregate !== 'count';
  const rows = kpi.contributors.map((c) => {
    const kind = c.associationKind ? t(ASSOCIATION_KIND_LABELS[c.associationKind], lang) : '';
    const count = withCount
      ? `<td class="num">${c.count ?? ''}${kpi.aggregate === 'rate' ? ` (${c.satisfied ?? 0} ${t(WORDS.satisfied, lang)})` : ''}</td>`
      : '';
    return `<tr><td>${escapeHtml(t(c.name, lang))}</td><td>${escapeHtml(kind)}</td><td>${
      c.startsAt ? formatInstant(c.startsAt, lang) : ''
    }</td><td>${escapeHtml(t(STATE_LABELS[c.state], lang))}</td>${count}</tr>`;
  });
  return `<table><thead><tr><th>${t(WORDS.name, lang)}</th><th>${t(WORDS.kind, lang)}</th><th>${t(WORDS.date, lang)}</th><th>${t(
    WORDS.state,
    lang,
  )}</th>${withCount ? `<th class="num">${t(WORDS.count, lang)}</th>` : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function breakdownTables(kpis: KpiSnapshotData[], lang: Language): string {
  return BREAKDOWN_DIMENSIONS.map((dimension) => {
    const groups = new Map<string, string>();
    // Reports made before a dimension existed lack it.
    for (const kpi of kpis) for (const g of kpi.breakdowns[dimension] ?? []) groups.set(g.key ?? '', t(g.name, lang));
    if (groups.size === 0) return '';
    const header = kpis.map((k) => `<th class="num">${escapeHtml(t(k.title, lang))}</th>`).join('');
    const rows = [...groups].map(([key, name]) => {
      const cells = kpis.map((k) => {
        const g = (k.breakdowns[dimension] ?? []).find((x) => (x.key ?? '') === key);
        if (!g) return '<td class="num">–</td>';
        const planned = g.planned ? ` <span class="note">(+${formatFigure(k, g.planned, lang)})</span>` : '';
        return `<td class="num">${formatFigure(k, g.actual, lang)}${planned}</td>`;
      });
      return `<tr><td>${escapeHtml(name)}</td>${cells.join('')}</tr>`;
    });
    return `<h3>${t(DIMENSION_LABELS[dimension], lang)}</h3><table><thead><tr><th></th>${header}</tr></thead><tbody>${rows.join(
      '',
    )}</tbody></table>`;
  }).join('');
}

/** A self-contained page (no scripts, no external resources) that prints well on A4. */
export function renderStatusReportHtml(report: RenderableReport, lang: Language = 'da'): string {
  const { snapshot } = report;
  const by = report.generatedByEmail
    ? ` ${t(WORDS.madeBy, lang)} ${escapeHtml(report.generatedByEmail)}`
    : ` (${t(WORDS.scheduled, lang)})`;
  const summary = snapshot.kpis
    .map(
      (k) =>
        `<tr><td>${escapeHtml(t(k.title, lang))}</td><td class="num">${
          k.target === null ? t(WORDS.noTarget, lang) : formatFigure(k, k.target, lang)
        }</td><td class="num">${actualText(k, lang)}</td><td class="num">${formatFigure(k, k.planned, lang)}</td><td class="status ${
          k.status
        }">${t(STATUS_LABELS[k.status], lang)}</td></tr>`,
    )
    .join('');
  const details = snapshot.kpis
    .map(
      (k) =>
        `<h3>${escapeHtml(t(k.title, lang))}</h3><p class="note">${escapeHtml(t(k.description, lang))}</p>${contributorTable(k, lang)}`,
    )
    .join('');
  const inv = snapshot.associationsInvolved;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(report, lang))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(reportTitle(report, lang))}</h1>
<p class="meta">${t(WORDS.calendar, lang)} · ${t(WORDS.madeAt, lang)} ${formatInstant(snapshot.asOf, lang)}${by}</p>
<h2>${t(WORDS.summary, lang)}</h2>
<table><thead><tr><th>${t(WORDS.kpi, lang)}</th><th class="num">${t(WORDS.target, lang)}</th><th class="num">${t(
    WORDS.actual,
    lang,
  )}</th><th class="num">${t(WORDS.planned, lang)}</th><th>${t(WORDS.status, lang)}</th></tr></thead><tbody>${summary}</tbody></table>
<h2>${t(WORDS.involved, lang)}: ${inv.held} ${t(WORDS.held, lang)}, ${inv.planned} ${t(WORDS.plannedLower, lang)}</h2>
<h3>${t(WORDS.counted, lang)}</h3>
${involvementList(inv.associations, lang)}
<h3>${t(WORDS.followUp, lang)}</h3>
${involvementList(inv.followUp, lang)}
<h2>${t(WORDS.contributors, lang)}</h2>
${details}
<h2>${t(WORDS.breakdowns, lang)}</h2>
<p class="note">${t(WORDS.groupsOverlap, lang)}</p>
${breakdownTables(snapshot.kpis, lang)}
</body>
</html>
`;
}

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

export interface StatusReportMail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: string; contentType: string }[];
}

/**
 * The mail for a `status-report` notification: a short summary, the printable page as the HTML
 * body and the CSV attached. The notifications lib sends it to `report.recipients`.
 */
export function statusReportMail(report: RenderableReport, options: { lang?: Language; baseUrl: string }): StatusReportMail {
  const lang = options.lang ?? 'da';
  const met = report.snapshot.kpis.filter((k) => k.status === KpiStatus.MET).length;
  const subject = `${reportTitle(report, lang)}: ${met}/${report.snapshot.kpis.length} ${lang === 'da' ? 'mål opfyldt' : 'targets met'}`;
  const lines = report.snapshot.kpis.map(
    (k) =>
      `- ${t(k.title, lang)}: ${actualText(k, lang)} / ${k.target === null ? t(WORDS.noTarget, lang) : formatFigure(k, k.target, lang)} (${t(
        STATUS_LABELS[k.status],
        lang,
      )})`,
  );
  const link = `${options.baseUrl.replace(/\/+$/, '')}/reports/${report.id}`;
  const text = [subject, '', ...lines, '', `${lang === 'da' ? 'Hele rapporten' : 'The full report'}: ${link}`].join('\n');
  return {
    subject,
    text,
    html: renderStatusReportHtml(report, lang),
    attachments: [
      {
        filename: statusReportFileName(report, 'csv'),
        content: renderStatusReportCsv(report, lang),
        contentType: 'text/csv; charset=utf-8',
      },
    ],
  };
}
