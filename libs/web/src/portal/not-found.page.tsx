import type { ResolvedSession } from '@mangfold/auth';
import type { SiteLanguage } from '@mangfold/config';
import { PortalPage } from './portal-layout';

const TEXT = {
  da: { title: 'Siden findes ikke', body: 'Siden findes ikke, eller du har ikke adgang til den.', back: 'Til oversigten' },
  en: { title: 'Page not found', body: 'This page does not exist, or you do not have access to it.', back: 'To the overview' },
} as const;

/** One answer for "not there" and "not yours", so the portal tells nobody what others have. */
export function NotFoundPortalPage({ lang, baseUrl, session }: { lang: SiteLanguage; baseUrl: string; session: ResolvedSession }) {
  const t = TEXT[lang];
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal" session={session}>
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p>
        <a href="/portal">{t.back}</a>
      </p>
    </PortalPage>
  );
}
