import type { ResolvedSession } from '@mangfold/auth';
import type { SiteLanguage } from '@mangfold/config';
import type { StatusReport } from '@mangfold/kpi';
import { PortalPage } from '../portal-layout';

const TEXT = {
  da: {
    title: 'Statusrapporter',
    year: 'År',
    show: 'Vis',
    none: 'Ingen rapporter for dette år endnu.',
    period: { AUGUST: 'August', DECEMBER: 'December', AD_HOC: 'Ad hoc' } as Record<string, string>,
    page: 'Læs',
    csv: 'Hent som CSV',
    playground: 'Nøgletal og flere forespørgsler i GraphQL-playground',
  },
  en: {
    title: 'Status reports',
    year: 'Year',
    show: 'Show',
    none: 'No reports for this year yet.',
    period: { AUGUST: 'August', DECEMBER: 'December', AD_HOC: 'Ad hoc' } as Record<string, string>,
    page: 'Read',
    csv: 'Download as CSV',
    playground: 'KPIs and more queries in the GraphQL playground',
  },
} as const;

/** TFI reads and downloads the status reports in the browser; the session stands in for the Bearer header. */
export function ReportsPage(props: {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  year: number;
  reports: StatusReport[];
}) {
  const { lang, year } = props;
  const t = TEXT[lang];
  const when = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  });
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={props.baseUrl} path="/portal/admin/reports" session={props.session}>
      <h1>{t.title}</h1>
      <form method="get" action="/portal/admin/reports">
        <label for="year">{t.year}</label>
        <input id="year" name="year" type="number" min="2000" max="2100" value={String(year)} />
        <p>
          <button type="submit" class="secondary">
            {t.show}
          </button>
        </p>
      </form>
      {props.reports.length ? (
        <ul>
          {props.reports.map((r) => (
            <li key={r.id}>
              {t.period[r.period] ?? r.period} {r.year}, {when.format(r.generatedAt)}: <a href={`/reports/${r.id}`}>{t.page}</a>
              {' · '}
              <a href={`/reports/${r.id}.csv`}>{t.csv}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
      <p>
        <a href="/graphql">{t.playground}</a>
      </p>
    </PortalPage>
  );
}
