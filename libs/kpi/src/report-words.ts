import type { Language } from '@mangfold/common';
import { localize, type LocalizedText } from '@mangfold/db';
import { KPI_ZONE } from './kpi-year';
import { PERIOD_LABELS } from './kpi-labels';
import type { KpiSnapshotData, ReportSnapshot } from './kpi.types';
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

export const WORDS = {
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

export const t = (text: LocalizedText | null | undefined, lang: Language): string => localize(text, lang) ?? '';

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

export function reportTitle(report: RenderableReport, lang: Language): string {
  return `${t(WORDS.title, lang)} ${report.year} (${t(PERIOD_LABELS[report.period], lang)})`;
}

export function actualText(kpi: KpiSnapshotData, lang: Language): string {
  const value = formatFigure(kpi, kpi.actual, lang);
  return kpi.aggregate === 'rate' ? `${value} (${kpi.answers ?? 0} ${t(WORDS.answers, lang)})` : value;
}

export function statusReportFileName(report: RenderableReport, extension: 'csv' | 'html'): string {
  return `mangfold-status-report-${report.year}-${report.period.toLowerCase().replace('_', '-')}-${report.generatedAt
    .toISOString()
    .slice(0, 10)}.${extension}`;
}
