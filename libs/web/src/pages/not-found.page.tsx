import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { Layout } from '../layout';
import { EVENTS_TEXT } from '../events/events-text';

/** A 404 inside the site's frame, with a way on. */
export function NotFoundPage({ lang, baseUrl, path }: { lang: SiteLanguage; baseUrl: string; path: Record<SiteLanguage, string> }) {
  const t = EVENTS_TEXT[lang];
  return (
    <Layout meta={{ lang, title: t.notFoundTitle, baseUrl, noindex: true, alternates: path }}>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <p>
        <a href={sitePaths.events(lang)}>{t.backToList}</a>
      </p>
    </Layout>
  );
}
