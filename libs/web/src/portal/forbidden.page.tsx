import type { ResolvedSession } from '@mangfold/auth';
import type { SiteLanguage } from '@mangfold/config';
import { PortalPage } from './portal-layout';

const TEXT = {
  da: { title: 'Ingen adgang', body: 'Du har ikke adgang til denne side.', back: 'Til oversigten' },
  en: { title: 'No access', body: 'You do not have access to this page.', back: 'To the overview' },
} as const;

export function ForbiddenPage({ lang, baseUrl, session }: { lang: SiteLanguage; baseUrl: string; session: ResolvedSession }) {
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
