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

/**
 * The 404 page of the site, in the layout; send it with status 404. `path` is the missing page's
 * address in each language, when known, so the language switch keeps the reader where they were.
 */
export function NotFoundPage({ lang, baseUrl, path }: { lang: SiteLanguage; baseUrl: string; path?: Record<SiteLanguage, string> }) {
  const t = TEXT[lang];
  const alternates = path ?? { da: sitePaths.home('da'), en: sitePaths.home('en') };
  return (
    <Layout meta={{ lang, title: t.title, baseUrl, noindex: true, alternates }}>
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
