import type { ResolvedSession } from '@mangfold/auth';
import type { Association } from '@mangfold/associations';
import type { SiteLanguage } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { fieldId } from '../../forms/fields';
import { KIND_LABEL } from '../../labels';
import { CsrfField, PortalPage } from '../portal-layout';

const TEXT = {
  da: {
    title: 'Foreninger til godkendelse',
    pending: 'Venter på godkendelse',
    none: 'Ingen foreninger venter.',
    approved: 'Godkendte foreninger',
    approve: 'Godkend',
    reject: 'Afvis',
    suspend: 'Suspendér',
    reason: 'Begrundelse (sendes til foreningen)',
    signedUp: 'Tilmeldt',
    done: { approved: 'Foreningen er godkendt.', rejected: 'Foreningen er afvist.', suspended: 'Foreningen er suspenderet.' } as Record<
      string,
      string
    >,
  },
  en: {
    title: 'Associations awaiting approval',
    pending: 'Awaiting approval',
    none: 'No associations are waiting.',
    approved: 'Approved associations',
    approve: 'Approve',
    reject: 'Reject',
    suspend: 'Suspend',
    reason: 'Reason (sent to the association)',
    signedUp: 'Signed up',
    done: {
      approved: 'The association is approved.',
      rejected: 'The association is rejected.',
      suspended: 'The association is suspended.',
    } as Record<string, string>,
  },
} as const;

export interface AdminAssociationsPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  pending: Association[];
  approved: Association[];
  done?: string;
  error?: { id: string; message: string };
}

function ReasonForm({
  action,
  id,
  label,
  button,
  session,
  error,
}: {
  action: string;
  id: string;
  label: string;
  button: string;
  session: ResolvedSession;
  error?: string;
}) {
  const name = `${action}-${id}`;
  return (
    <form method="post" action={`/portal/admin/associations/${id}/${action}`}>
      <CsrfField session={session} />
      <label for={fieldId(name)}>{label}</label>
      <input
        id={fieldId(name)}
        name="reason"
        type="text"
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${fieldId(name)}-error` : undefined}
      />
      {error ? (
        <p class="field-error" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" class="secondary">
          {button}
        </button>
      </p>
    </form>
  );
}

/** TFI's queue of sign-ups: approve, or reject with a reason; approved ones can be suspended. */
export function AdminAssociationsPage({ lang, baseUrl, session, pending, approved, done, error }: AdminAssociationsPageProps) {
  const t = TEXT[lang];
  const when = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' });
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal/admin/associations" session={session}>
      <h1>{t.title}</h1>
      {done && t.done[done] ? (
        <p class="notice" role="status">
          {t.done[done]}
        </p>
      ) : null}
      <h2>{t.pending}</h2>
      {pending.length ? (
        <ul class="cards">
          {pending.map((a) => (
            <li class="card" key={a.id}>
              <h3>{a.name}</h3>
              <p class="muted">
                {KIND_LABEL[lang][a.kind]} · {t.signedUp} {when.format(a.createdAt)}
              </p>
              {localize(a.description, lang) ? <p>{localize(a.description, lang)}</p> : null}
              <form method="post" action={`/portal/admin/associations/${a.id}/approve`}>
                <CsrfField session={session} />
                <button type="submit">
                  {t.approve}
                  <span class="visually-hidden">: {a.name}</span>
                </button>
              </form>
              <ReasonForm
                action="reject"
                id={a.id}
                label={t.reason}
                button={t.reject}
                session={session}
                error={error?.id === `reject-${a.id}` ? error.message : undefined}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
      <h2>{t.approved}</h2>
      <ul class="cards">
        {approved.map((a) => (
          <li class="card" key={a.id}>
            <h3>{a.name}</h3>
            <ReasonForm
              action="suspend"
              id={a.id}
              label={t.reason}
              button={t.suspend}
              session={session}
              error={error?.id === `suspend-${a.id}` ? error.message : undefined}
            />
          </li>
        ))}
      </ul>
    </PortalPage>
  );
}
