import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { Layout } from '../layout';

const TEXT = {
  da: {
    title: 'Siden findes ikke',
    body: 'Vi kan ikke finde den side, du leder efter. Den kan være flyttet, eller adressen kan være skrevet forkert.',
    home: 'Gå til forsiden',
    events: 'Se alle arrangementer',
  },
  en: {
    title: 'Page not found',
    body: 'We cannot find the page you are looking for. It may have moved, or the address may be mistyped.',
    home: 'Go to the front page',
    events: 'See all events',
  },
} as const;

/** The 404 page of the site, in the layout; send it with status 404. */
export function NotFoundPage({ lang, baseUrl }: { lang: SiteLanguage; baseUrl: string }) {
  const t = TEXT[lang];
  return (
    <Layout meta={{ lang, title: t.title, baseUrl, noindex: true, alternates: { da: sitePaths.home('da'), en: sitePaths.home('en') } }}>
      <h1>{t.title}</h1>
      <p class="lead">{t.body}</p>
      <ul>
        <li>
          <a href={sitePaths.home(lang)}>{t.home}</a>
        </li>
        <li>
          <a href={sitePaths.events(lang)}>{t.events}</a>
        </li>
      </ul>
    </Layout>
  );
}
