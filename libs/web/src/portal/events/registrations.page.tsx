import type { ResolvedSession } from '@mangfold/auth';
import type { Event } from '@mangfold/calendar';
import type { SiteLanguage } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { type Registration, RegistrationStatus } from '@mangfold/registrations';
import { CsrfField, PortalPage } from '../portal-layout';
import { RegistrantsMessageForm, type MessageFormState } from './registrants-message.form';

const TEXT = {
  da: {
    title: (event: string) => `Tilmeldinger: ${event}`,
    csv: 'Hent alle som CSV',
    back: 'Tilbage til arrangementet',
    count: (n: number) => `${n} tilmeldinger i alt.`,
    none: 'Ingen har tilmeldt sig endnu.',
    head: { name: 'Navn', email: 'E-mail', party: 'Antal', status: 'Status', checkIn: 'Fremmøde' },
    status: { CONFIRMED: 'Bekræftet', WAITLISTED: 'Venteliste', CANCELLED: 'Afmeldt' } satisfies Record<RegistrationStatus, string>,
    position: (n: number) => `nr. ${n}`,
    checkIn: 'Tjek ind',
    undo: 'Fortryd',
    arrived: 'Mødt op',
    next: 'Næste side',
    anonymous: '(anonymiseret)',
    done: { 'checked-in': 'Deltageren er tjekket ind.', undone: 'Tjek-ind er fortrudt.' } as Record<string, string>,
    sent: (n: number) =>
      n === 0 ? 'Ingen er tilmeldt, så beskeden er ikke sendt.' : `Beskeden sendes til ${n === 1 ? 'én tilmeldt' : `${n} tilmeldte`}.`,
  },
  en: {
    title: (event: string) => `Registrations: ${event}`,
    csv: 'Download all as CSV',
    back: 'Back to the event',
    count: (n: number) => `${n} registrations in all.`,
    none: 'Nobody has registered yet.',
    head: { name: 'Name', email: 'Email', party: 'Party', status: 'Status', checkIn: 'Attendance' },
    status: { CONFIRMED: 'Confirmed', WAITLISTED: 'Waiting list', CANCELLED: 'Cancelled' } satisfies Record<RegistrationStatus, string>,
    position: (n: number) => `no. ${n}`,
    checkIn: 'Check in',
    undo: 'Undo',
    arrived: 'Arrived',
    next: 'Next page',
    anonymous: '(anonymised)',
    done: { 'checked-in': 'The registrant is checked in.', undone: 'The check-in is undone.' } as Record<string, string>,
    sent: (n: number) =>
      n === 0
        ? 'Nobody is registered, so the message was not sent.'
        : `The message goes to ${n === 1 ? 'one registrant' : `${n} registrants`}.`,
  },
} as const;

export interface RegistrationsPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  event: Event;
  registrations: Registration[];
  /** Waiting-list position per registration id (1 = next in line). */
  positions: Map<string, number>;
  totalCount: number;
  nextCursor: string | null;
  done?: string;
  /** How many registrants the message just sent goes to. */
  sent?: number;
  problem?: string;
  /** The message form as posted, when it had problems. */
  message?: MessageFormState;
}

/** An event's registrations in arrival order, with check-in and the CSV (organisers and TFI only). */
export function RegistrationsPage(props: RegistrationsPageProps) {
  const { lang, event, session } = props;
  const t = TEXT[lang];
  const base = `/portal/events/${event.id}/registrations`;
  const title = t.title(localize(event.title, lang) ?? event.slug);
  return (
    <PortalPage lang={lang} title={title} baseUrl={props.baseUrl} path={base} session={session}>
      <h1>{title}</h1>
      {props.done && t.done[props.done] ? (
        <p class="notice" role="status">
          {t.done[props.done]}
        </p>
      ) : null}
      {props.sent !== undefined ? (
        <p class="notice" role="status">
          {t.sent(props.sent)}
        </p>
      ) : null}
      {props.problem ? (
        <p class="notice error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <p>
        <a href={`/portal/events/${event.id}`}>{t.back}</a> · <a href={`/events/${event.id}/registrations.csv`}>{t.csv}</a>
      </p>
      <p>{t.count(props.totalCount)}</p>
      {props.registrations.length ? <RegistrationsTable {...props} base={base} /> : <p>{t.none}</p>}
      {props.nextCursor ? (
        <p>
          <a href={`${base}?after=${encodeURIComponent(props.nextCursor)}`}>{t.next}</a>
        </p>
      ) : null}
      <RegistrantsMessageForm lang={lang} session={session} action={`${base}/message`} state={props.message} />
    </PortalPage>
  );
}

/** The registrations, each confirmed one with its check-in (or undo) button. */
function RegistrationsTable(props: RegistrationsPageProps & { base: string }) {
  const { lang, session, base } = props;
  const t = TEXT[lang];
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.head.name}</th>
            <th scope="col">{t.head.email}</th>
            <th scope="col">{t.head.party}</th>
            <th scope="col">{t.head.status}</th>
            <th scope="col">{t.head.checkIn}</th>
          </tr>
        </thead>
        <tbody>
          {props.registrations.map((r) => {
            const position = props.positions.get(r.id);
            const who = r.name ?? r.email ?? t.anonymous;
            return (
              <tr key={r.id}>
                <th scope="row">{r.name ?? t.anonymous}</th>
                <td>{r.email ?? ''}</td>
                <td>{r.partySize}</td>
                <td>
                  {t.status[r.status]}
                  {position ? ` (${t.position(position)})` : ''}
                </td>
                <td>
                  {r.status === RegistrationStatus.CONFIRMED ? (
                    <form method="post" action={`${base}/${r.id}/${r.checkedInAt ? 'undo' : 'check-in'}`} class="inline-form">
                      <CsrfField session={session} />
                      {r.checkedInAt ? <span>{t.arrived} </span> : null}
                      <button type="submit" class={r.checkedInAt ? 'secondary' : undefined}>
                        {r.checkedInAt ? t.undo : t.checkIn}
                        <span class="visually-hidden">: {who}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
