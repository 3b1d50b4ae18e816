import type { Request, Response } from 'express';
import type { ResolvedSession } from '@mangfold/auth';
import type { SiteLanguage } from '@mangfold/config';
import { sendPage } from '../respond';
import { portalLanguage } from './portal-context';
import { PortalPage } from './portal-layout';

const TEXT = {
  403: {
    da: { title: 'Ingen adgang', body: 'Du har ikke adgang til denne side.' },
    en: { title: 'No access', body: 'You do not have access to this page.' },
  },
  // One answer for "not there" and "not yours", so the portal tells nobody what others have.
  404: {
    da: { title: 'Siden findes ikke', body: 'Siden findes ikke, eller du har ikke adgang til den.' },
    en: { title: 'Page not found', body: 'This page does not exist, or you do not have access to it.' },
  },
} as const;

const BACK = { da: 'Til oversigten', en: 'To the overview' } as const;

function RefusalPage({
  lang,
  baseUrl,
  session,
  status,
}: {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  status: 403 | 404;
}) {
  const t = TEXT[status][lang];
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal" session={session}>
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p>
        <a href="/portal">{BACK[lang]}</a>
      </p>
    </PortalPage>
  );
}

/** Answers a portal request that may not go on: 403 (not an admin) or 404 (not there, or not yours). */
export function sendRefusal(req: Request, res: Response, baseUrl: string, session: ResolvedSession, status: 403 | 404): void {
  sendPage(res, <RefusalPage lang={portalLanguage(req)} baseUrl={baseUrl} session={session} status={status} />, {
    status,
    cache: 'no-store',
  });
}
