import type { ResolvedSession } from '@mangfold/auth';
import type { Association, AssociationMemberView } from '@mangfold/associations';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { ErrorSummary, TextField } from '../../forms/fields';
import { CsrfField, PortalPage } from '../portal-layout';
import { AssociationLinks } from './profile.page';

const TEXT = {
  da: {
    title: (name: string) => `${name}: medlemmer`,
    members: 'Medlemmer',
    intro: 'Alle medlemmer kan redigere foreningen og dens arrangementer.',
    since: 'medlem siden',
    you: '(dig)',
    remove: 'Fjern',
    removeHint: 'Den, der fjernes, bliver logget ud med det samme. Foreningen beholder altid mindst ét medlem.',
    add: 'Tilføj et medlem',
    addIntro:
      'Skriv personens e-mail. Har personen ingen konto, oprettes en, og personen får en e-mail om, hvordan man vælger en adgangskode.',
    email: 'E-mail',
    submit: 'Tilføj medlemmet',
    done: { added: 'Medlemmet er tilføjet og har fået en e-mail.', removed: 'Medlemmet er fjernet.' } as Record<string, string>,
  },
  en: {
    title: (name: string) => `${name}: members`,
    members: 'Members',
    intro: 'Every member can edit the association and its events.',
    since: 'member since',
    you: '(you)',
    remove: 'Remove',
    removeHint: 'Whoever is removed is logged out at once. An association always keeps at least one member.',
    add: 'Add a member',
    addIntro: "Type the person's email. Someone without an account gets one, and an email on how to choose a password.",
    email: 'Email',
    submit: 'Add the member',
    done: { added: 'The member is added and has been emailed.', removed: 'The member is removed.' } as Record<string, string>,
  },
} as const;

export interface MembersPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  association: Association;
  members: AssociationMemberView[];
  email?: string;
  errors: FieldErrors;
  /** A refusal of a removal, shown above the list. */
  problem?: string;
  done?: string;
}

/** Who the association's members are; add one by email, remove one. */
export function MembersPage({ lang, baseUrl, session, association, members, email, errors, problem, done }: MembersPageProps) {
  const t = TEXT[lang];
  const path = sitePaths.portalAssociationMembers(association.id);
  const when = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' });
  return (
    <PortalPage lang={lang} title={t.title(association.name)} baseUrl={baseUrl} path={path} session={session}>
      <h1>{t.title(association.name)}</h1>
      <AssociationLinks lang={lang} association={association} />
      {done && t.done[done] ? (
        <p class="notice" role="status">
          {t.done[done]}
        </p>
      ) : null}
      <h2>{t.members}</h2>
      <p>{t.intro}</p>
      {problem ? (
        <p class="notice error" role="alert">
          {problem}
        </p>
      ) : null}
      <p class="muted">{t.removeHint}</p>
      <ul class="cards">
        {members.map((m) => (
          <li class="card" key={m.userId}>
            <p>
              <strong>{m.name ?? m.email}</strong> {m.userId === session.user.id ? t.you : null}
              <br />
              {m.email}
              <br />
              <span class="muted">
                {t.since} {when.format(m.memberSince)}
              </span>
            </p>
            {members.length > 1 ? (
              <form method="post" action={`${path}/${m.userId}/remove`}>
                <CsrfField session={session} />
                <button type="submit" class="secondary">
                  {t.remove}
                  <span class="visually-hidden">: {m.name ?? m.email}</span>
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t.add}</h2>
      <p>{t.addIntro}</p>
      <ErrorSummary lang={lang} errors={errors} labels={{ email: t.email }} />
      <form method="post" action={path} novalidate>
        <CsrfField session={session} />
        <TextField name="email" type="email" label={t.email} value={email} errors={errors} required autocomplete="off" />
        <p>
          <button type="submit">{t.submit}</button>
        </p>
      </form>
    </PortalPage>
  );
}
