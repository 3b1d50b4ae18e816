import type { ComponentChildren } from 'preact';
import type { ResolvedSession } from '@mangfold/auth';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { Layout } from '../layout';
import { isAdmin } from './portal-context';

export const PORTAL_TEXT = {
  da: {
    portal: 'Portal',
    nav: 'Portalmenu',
    overview: 'Oversigt',
    moderation: 'Til godkendelse',
    associations: 'Foreninger til godkendelse',
    reports: 'Statusrapporter',
    internationalDay: 'International Dag',
    playground: 'GraphQL-playground',
    publicSite: 'Den offentlige kalender',
    logout: 'Log ud',
    loggedInAs: 'Logget ind som',
  },
  en: {
    portal: 'Portal',
    nav: 'Portal menu',
    overview: 'Overview',
    moderation: 'Awaiting moderation',
    associations: 'Associations awaiting approval',
    reports: 'Status reports',
    internationalDay: 'International Day',
    playground: 'GraphQL playground',
    publicSite: 'The public calendar',
    logout: 'Log out',
    loggedInAs: 'Logged in as',
  },
} as const;

/** Every portal form carries the session's CSRF token. */
export function CsrfField({ session }: { session: ResolvedSession }) {
  return <input type="hidden" name="_csrf" value={session.csrfToken} />;
}

export interface PortalPageProps {
  lang: SiteLanguage;
  title: string;
  baseUrl: string;
  /** The portal path of this page (the same in both languages: the language follows the person). */
  path: string;
  session?: ResolvedSession;
  children: ComponentChildren;
}

/** The portal's frame: the site's layout, kept out of search engines, with the portal's own menu. */
export function PortalPage({ lang, title, baseUrl, path, session, children }: PortalPageProps) {
  const t = PORTAL_TEXT[lang];
  const nav = session ? (
    <nav aria-label={t.nav}>
      <ul class="nav">
        <li>
          <a href="/portal">{t.overview}</a>
        </li>
        {isAdmin(session) ? (
          <>
            <li>
              <a href="/portal/admin/moderation">{t.moderation}</a>
            </li>
            <li>
              <a href="/portal/admin/associations">{t.associations}</a>
            </li>
            <li>
              <a href={sitePaths.portalAdminInternationalDay()}>{t.internationalDay}</a>
            </li>
            <li>
              <a href="/portal/admin/reports">{t.reports}</a>
            </li>
            <li>
              <a href="/graphql">{t.playground}</a>
            </li>
          </>
        ) : null}
        <li>
          <a href="/">{t.publicSite}</a>
        </li>
        <li>
          <form method="post" action="/portal/logout" class="inline-form">
            <CsrfField session={session} />
            <button type="submit" class="link-button">
              {t.logout}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  ) : (
    <nav aria-label={t.nav}>
      <ul class="nav">
        <li>
          <a href="/">{t.publicSite}</a>
        </li>
      </ul>
    </nav>
  );
  return (
    <Layout meta={{ lang, title: `${title} · ${t.portal}`, baseUrl, alternates: { da: path, en: path }, noindex: true }} nav={nav}>
      {children}
    </Layout>
  );
}
