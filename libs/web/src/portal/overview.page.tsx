import type { ResolvedSession } from '@mangfold/auth';
import { EventStatus } from '@mangfold/calendar';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { PARTICIPATION_STATUS } from './participation-text';
import { formatWhen } from './portal-format';
import type { Overview, OverviewAssociation } from './portal-overview.service';
import { PortalPage } from './portal-layout';

const STATUS_ORDER: EventStatus[] = [
  EventStatus.DRAFT,
  EventStatus.SUBMITTED,
  EventStatus.REJECTED,
  EventStatus.PUBLISHED,
  EventStatus.CANCELLED,
];

const TEXT = {
  da: {
    title: 'Oversigt',
    hello: (name: string) => `Goddag, ${name}`,
    associations: 'Dine foreninger',
    noAssociations: 'Du er ikke medlem af nogen forening endnu.',
    associationStatus: { PENDING: 'venter på godkendelse', APPROVED: 'godkendt', REJECTED: 'afvist', SUSPENDED: 'suspenderet' } as Record<
      string,
      string
    >,
    events: 'Jeres arrangementer',
    create: 'Opret et arrangement',
    none: 'Ingen.',
    status: {
      DRAFT: 'Kladder',
      SUBMITTED: 'Sendt til godkendelse',
      PUBLISHED: 'Offentliggjort',
      REJECTED: 'Afvist',
      CANCELLED: 'Aflyst',
    } satisfies Record<EventStatus, string>,
    reason: 'Begrundelse',
    invitations: 'Invitationer til at være medarrangør',
    invitedAs: (association: string) => `til ${association}`,
    noInvitations: 'Ingen invitationer venter.',
    signedUp: 'Foreningen er tilmeldt og venter på, at TaskForce Integration godkender den.',
    profile: 'Profil',
    members: 'Medlemmer',
    internationalDay: (year: number) => `International Dag ${year}`,
    notSignedUp: 'ikke tilmeldt',
  },
  en: {
    title: 'Overview',
    hello: (name: string) => `Hello, ${name}`,
    associations: 'Your associations',
    noAssociations: 'You are not a member of any association yet.',
    associationStatus: { PENDING: 'awaiting approval', APPROVED: 'approved', REJECTED: 'rejected', SUSPENDED: 'suspended' } as Record<
      string,
      string
    >,
    events: 'Your events',
    create: 'Create an event',
    none: 'None.',
    status: {
      DRAFT: 'Drafts',
      SUBMITTED: 'Awaiting moderation',
      PUBLISHED: 'Published',
      REJECTED: 'Rejected',
      CANCELLED: 'Cancelled',
    } satisfies Record<EventStatus, string>,
    reason: 'Reason',
    invitations: 'Invitations to co-organise',
    invitedAs: (association: string) => `for ${association}`,
    noInvitations: 'No invitations are waiting.',
    signedUp: 'The association is signed up and waits for TaskForce Integration to approve it.',
    profile: 'Profile',
    members: 'Members',
    internationalDay: (year: number) => `International Day ${year}`,
    notSignedUp: 'not signed up',
  },
} as const;

export interface OverviewPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  overview: Overview;
  signedUp?: boolean;
}

/** One of the member's associations: its status, and links to its profile, members and International Day sign-up. */
function AssociationItem({
  lang,
  association: a,
  internationalDayYear,
}: {
  lang: SiteLanguage;
  association: OverviewAssociation;
  internationalDayYear: number | null;
}) {
  const t = TEXT[lang];
  return (
    <li>
      <a href={sitePaths.portalAssociation(a.id)}>{a.name}</a> <span class="muted">({t.associationStatus[a.status] ?? a.status})</span>
      {a.statusReason ? (
        <span>
          {' '}
          — {t.reason}: {a.statusReason}
        </span>
      ) : null}
      <ul class="nav">
        <li>
          <a href={sitePaths.portalAssociation(a.id)}>
            {t.profile}
            <span class="visually-hidden">: {a.name}</span>
          </a>
        </li>
        <li>
          <a href={sitePaths.portalAssociationMembers(a.id)}>
            {t.members}
            <span class="visually-hidden">: {a.name}</span>
          </a>
        </li>
        {internationalDayYear !== null ? (
          <li>
            <a href={sitePaths.portalAssociationInternationalDay(a.id)}>
              {t.internationalDay(internationalDayYear)}
              <span class="visually-hidden">: {a.name}</span>
            </a>
            : {a.internationalDay ? PARTICIPATION_STATUS[lang][a.internationalDay] : t.notSignedUp}
          </li>
        ) : null}
      </ul>
    </li>
  );
}

export function OverviewPage({ lang, baseUrl, session, overview, signedUp }: OverviewPageProps) {
  const t = TEXT[lang];
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal" session={session}>
      <h1>{t.hello(session.user.name ?? session.user.email)}</h1>
      {signedUp ? (
        <p class="notice" role="status">
          {t.signedUp}
        </p>
      ) : null}

      <h2>{t.associations}</h2>
      {overview.associations.length ? (
        <ul>
          {overview.associations.map((a) => (
            <AssociationItem key={a.id} lang={lang} association={a} internationalDayYear={overview.internationalDayYear} />
          ))}
        </ul>
      ) : (
        <p>{t.noAssociations}</p>
      )}

      <h2>{t.invitations}</h2>
      {overview.invitations.length ? (
        <ul>
          {overview.invitations.map((i) => (
            <li key={`${i.eventId}-${i.associationId}`}>
              <a href={`/portal/events/${i.eventId}`}>{localize(i.eventTitle, lang)}</a>, {formatWhen(lang, i.eventStartsAt, i.timeZone)}{' '}
              {t.invitedAs(i.associationName)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noInvitations}</p>
      )}

      <h2>{t.events}</h2>
      {overview.associations.length ? (
        <p>
          <a class="button" href="/portal/events/new">
            {t.create}
          </a>
        </p>
      ) : null}
      {STATUS_ORDER.map((status) => (
        <section key={status} aria-labelledby={`status-${status}`}>
          <h3 id={`status-${status}`}>
            {t.status[status]} ({overview.eventsByStatus[status].length})
          </h3>
          {overview.eventsByStatus[status].length ? (
            <ul>
              {overview.eventsByStatus[status].map((e) => (
                <li key={e.id}>
                  <a href={`/portal/events/${e.id}`}>{localize(e.title, lang)}</a>, {formatWhen(lang, e.startsAt, e.timeZone, e.allDay)}
                  {status === EventStatus.REJECTED && e.statusReason ? (
                    <span>
                      {' '}
                      — {t.reason}: {e.statusReason}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t.none}</p>
          )}
        </section>
      ))}
    </PortalPage>
  );
}
