import { escapeHtml, type Language } from '@mangfold/common';
import { BREAKDOWN_DIMENSIONS } from './kpi-queries';
import { ASSOCIATION_KIND_LABELS, DIMENSION_LABELS, STATE_LABELS, STATUS_LABELS } from './kpi-labels';
import type { InvolvedAssociationData, KpiSnapshotData } from './kpi.types';
import { WORDS, actualText, formatFigure, formatInstant, reportTitle, t, type RenderableReport } from './report-words';

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
