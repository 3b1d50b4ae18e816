import { AssociationKind } from '@mangfold/associations';
import { OrganiserRole } from '@mangfold/calendar';
import { KPI_DEFINITIONS } from './kpi-definitions';
import { KpiStatus } from './kpi-status';
import { ContributionState, InvolvedEventState, KpiContributorType, KpiDimension, type KpiSnapshotData } from './kpi.types';
import { renderStatusReportCsv } from './report-csv';
import { renderStatusReportHtml } from './report-html';
import { statusReportMail } from './report-mail';
import type { RenderableReport } from './report-words';
import { ReportPeriod, ReportTrigger } from './status-report.entity';

const empty = { DISTRICT: [], HOUSING_AREA: [], OCCASION: [], ASSOCIATION_KIND: [] };

function report(): RenderableReport {
  const kpis: KpiSnapshotData[] = KPI_DEFINITIONS.map((d) => ({
    key: d.key,
    year: 2026,
    title: d.title,
    description: d.description,
    unit: d.unit,
    aggregate: d.aggregate,
    target: d.defaultTarget,
    actual: d.aggregate === 'rate' ? 2 / 3 : 0,
    planned: d.aggregate === 'rate' ? null : 0,
    answers: d.aggregate === 'rate' ? 12 : null,
    status: d.defaultTarget === null ? KpiStatus.NO_TARGET : KpiStatus.AT_RISK,
    asOf: '2026-12-01T07:00:00.000Z',
    contributors: [],
    breakdowns: empty,
  }));
  kpis[0] = {
    ...kpis[0],
    actual: 1,
    contributors: [
      {
        type: KpiContributorType.ASSOCIATION,
        id: 'a1',
        slug: 'a1',
        name: { da: '=HYPERLINK("x") <b>Forening</b>, "Nørrebro"', en: 'x' },
        state: ContributionState.HELD,
        associationKind: AssociationKind.ASSOCIATION,
        eventKind: null,
        startsAt: null,
        count: null,
        satisfied: null,
      },
    ],
    breakdowns: {
      ...empty,
      [KpiDimension.DISTRICT]: [{ key: 'noerrebro', name: { da: 'Nørrebro' }, actual: 1, planned: 2, answers: null }],
    },
  };
  return {
    id: '6f1f7f3e-8d7e-4f7a-9a49-6a2c0d1e2f3a',
    year: 2026,
    period: ReportPeriod.DECEMBER,
    trigger: ReportTrigger.SCHEDULE,
    generatedAt: new Date('2026-12-01T07:00:00.000Z'),
    generatedByEmail: null,
    snapshot: {
      version: 1,
      year: 2026,
      asOf: '2026-12-01T07:00:00.000Z',
      kpis,
      associationsInvolved: {
        year: 2026,
        target: 4,
        held: 1,
        planned: 0,
        status: KpiStatus.AT_RISK,
        asOf: '2026-12-01T07:00:00.000Z',
        associations: [
          {
            association: { id: 'a1', slug: 'a1', name: 'Forening <script>', kind: AssociationKind.ASSOCIATION },
            events: [
              {
                id: 'e1',
                slug: 'e1',
                title: { da: 'Eid & fest' },
                startsAt: '2026-03-20T16:00:00.000Z',
                endsAt: '2026-03-20T19:00:00.000Z',
                state: InvolvedEventState.HELD,
                role: OrganiserRole.PRIMARY,
                occasion: { slug: 'eid-al-fitr', name: { da: 'Eid al-Fitr' } },
              },
            ],
          },
        ],
        followUp: [],
      },
    },
  };
}

describe('status report rendering', () => {
  it('prints a self-contained page with everything escaped', () => {
    const html = renderStatusReportHtml(report(), 'da');
    expect(html).toContain('<title>Statusrapport 2026 (december)</title>');
    expect(html).toContain('Forening &lt;script&gt;');
    expect(html).toContain('&lt;b&gt;Forening&lt;/b&gt;');
    expect(html).toContain('Eid &amp; fest');
    expect(html).toContain('20. mar. 2026');
    expect(html).not.toMatch(/<script|src=|href=/i);
    // 2/3 against 0.667 and how many answered.
    expect(html).toContain('66,7');
    expect(html).toContain('(12 svar)');
    expect(html).toContain('(+2)');
  });

  it('writes RFC 4180 CSV, defusing formulas people typed', () => {
    const csv = renderStatusReportCsv(report(), 'da');
    const lines = csv.split('\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[1]).toBe(
      'KPI,associations-involved,Lokale foreninger med kulturelle arrangementer,ASSOCIATIONS,4,1,0,,AT_RISK,,,,,,,,,,,,',
    );
    expect(lines[2]).toBe(
      `CONTRIBUTOR,associations-involved,Lokale foreninger med kulturelle arrangementer,,,,,,,,,ASSOCIATION,a1,a1,"'=HYPERLINK(""x"") <b>Forening</b>, ""Nørrebro""",ASSOCIATION,HELD,,,,`,
    );
    expect(lines[3]).toBe(
      'BREAKDOWN,associations-involved,Lokale foreninger med kulturelle arrangementer,,,1,2,,,DISTRICT,noerrebro,,,,Nørrebro,,,,,,',
    );
    expect(lines).toContain(
      'INVOLVED,associations-involved,,,,,,,,,eid-al-fitr,EVENT,e1,e1,Eid & fest,ASSOCIATION,HELD,2026-03-20T16:00:00.000Z,,,Forening <script>',
    );
  });

  it('makes the mail: a summary, the page and the CSV attached', () => {
    const link = 'https://kalender.kk.dk/reports/6f1f7f3e-8d7e-4f7a-9a49-6a2c0d1e2f3a?key=k';
    const mail = statusReportMail(report(), { lang: 'en', link });
    expect(mail.subject).toBe('Status report 2026 (December): 0/14 targets met');
    expect(mail.text).toContain('- Satisfaction rate: 66.7% (12 answers) / 66.7% (At risk)');
    expect(mail.text).toContain(`The full report: ${link}`);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: 'mangfold-status-report-2026-december-2026-12-01.csv', contentType: 'text/csv; charset=utf-8' }),
    ]);
  });
});
