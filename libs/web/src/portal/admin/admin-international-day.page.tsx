import type { ResolvedSession } from '@mangfold/auth';
import { EventStatus } from '@mangfold/calendar';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { type InternationalDay, type NamedParticipation, ParticipationStatus } from '@mangfold/registrations';
import { fieldId } from '../../forms/fields';
import { ACTIVITY_LABEL, KIND_LABEL } from '../../labels';
import { participationStatusText } from '../participation-text';
import { CsrfField, PortalPage } from '../portal-layout';

const TEXT = {
  da: {
    title: (year: number) => `International Dag ${year}: deltagere`,
    noDay: (year: number) =>
      `Der er ingen International Dag i ${year}. TFI opretter dagen i GraphQL-playgrounden (createInternationalDay).`,
    years: 'År',
    stands: (taken: number, capacity: number) => `Stande: ${taken} af ${capacity} optaget.`,
    none: 'Ingen har tilmeldt sig endnu.',
    publicPage: 'Dagens offentlige side',
    representatives: 'Repræsentanter',
    tables: 'Borde',
    power: 'strøm',
    minutes: (n: number) => `${n} minutters optræden`,
    contact: 'Kontakt',
    notes: 'Bemærkninger',
    reason: 'Begrundelse',
    confirm: 'Bekræft',
    decline: 'Afvis',
    declineReason: 'Begrundelse for afvisningen (sendes til deltageren)',
    next: 'Næste side',
    done: {
      confirmed: 'Deltagelsen er behandlet: bekræftet, eller på venteliste når standene er optaget.',
      declined: 'Deltagelsen er afvist.',
    } as Record<string, string>,
  },
  en: {
    title: (year: number) => `International Day ${year}: participants`,
    noDay: (year: number) =>
      `There is no International Day in ${year}. TFI sets the day up in the GraphQL playground (createInternationalDay).`,
    years: 'Years',
    stands: (taken: number, capacity: number) => `Stands: ${taken} of ${capacity} taken.`,
    none: 'Nobody has signed up yet.',
    publicPage: "The day's public page",
    representatives: 'Representatives',
    tables: 'Tables',
    power: 'electricity',
    minutes: (n: number) => `${n}-minute performance`,
    contact: 'Contact',
    notes: 'Notes',
    reason: 'Reason',
    confirm: 'Confirm',
    decline: 'Decline',
    declineReason: 'Reason for declining (sent to the participant)',
    next: 'Next page',
    done: {
      confirmed: 'The participation is handled: confirmed, or waitlisted when the stands are taken.',
      declined: 'The participation is declined.',
    } as Record<string, string>,
  },
} as const;

export interface AdminInternationalDayPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  year: number;
  years: number[];
  day: InternationalDay | null;
  standsTaken: number;
  participations: NamedParticipation[];
  /** The next page's cursor, when there is one. */
  after: string | null;
  done?: string;
  /** A refused decision: which form (`confirm-<id>` or `decline-<id>`) and why. */
  problem?: { form: string; message: string };
}

function Decisions({
  lang,
  session,
  year,
  participation,
  problem,
}: {
  lang: SiteLanguage;
  session: ResolvedSession;
  year: number;
  participation: NamedParticipation;
  problem?: AdminInternationalDayPageProps['problem'];
}) {
  const t = TEXT[lang];
  const { participation: p, participantName } = participation;
  const base = `${sitePaths.portalAdminInternationalDay()}/participations/${p.id}`;
  const declineId = fieldId(`decline-${p.id}`);
  const declineError = problem?.form === `decline-${p.id}` ? problem.message : undefined;
  const confirmError = problem?.form === `confirm-${p.id}` ? problem.message : undefined;
  return (
    <>
      {p.status === ParticipationStatus.PENDING || p.status === ParticipationStatus.WAITLISTED ? (
        <form method="post" action={`${base}/confirm`}>
          <CsrfField session={session} />
          <input type="hidden" name="year" value={String(year)} />
          {confirmError ? (
            <p class="notice error" role="alert">
              {confirmError}
            </p>
          ) : null}
          <button type="submit">
            {t.confirm}
            <span class="visually-hidden">: {participantName}</span>
          </button>
        </form>
      ) : null}
      {p.status !== ParticipationStatus.DECLINED && p.status !== ParticipationStatus.CANCELLED ? (
        <form method="post" action={`${base}/decline`}>
          <CsrfField session={session} />
          <input type="hidden" name="year" value={String(year)} />
          <label for={declineId}>
            {t.declineReason}
            <span class="visually-hidden">: {participantName}</span>
          </label>
          <input
            id={declineId}
            name="reason"
            type="text"
            required
            aria-invalid={declineError ? 'true' : undefined}
            aria-describedby={declineError ? `${declineId}-error` : undefined}
          />
          {declineError ? (
            <p class="field-error" id={`${declineId}-error`}>
              {declineError}
            </p>
          ) : null}
          <p>
            <button type="submit" class="secondary">
              {t.decline}
              <span class="visually-hidden">: {participantName}</span>
            </button>
          </p>
        </form>
      ) : null}
    </>
  );
}

function ParticipationCard(props: {
  lang: SiteLanguage;
  session: ResolvedSession;
  year: number;
  participation: NamedParticipation;
  problem?: AdminInternationalDayPageProps['problem'];
}) {
  const { lang } = props;
  const t = TEXT[lang];
  const { participation: p, participantName } = props.participation;
  const activities = p.activities.map((a) => ACTIVITY_LABEL[lang][a]);
  if (p.needsPower) activities.push(t.power);
  if (p.performanceMinutes) activities.push(t.minutes(p.performanceMinutes));
  return (
    <li class="card">
      <h2>{participantName}</h2>
      <p>
        <strong>{participationStatusText(lang, p.status)}</strong>
        {p.statusReason ? ` (${t.reason}: ${p.statusReason})` : null}
      </p>
      <p class="muted">{KIND_LABEL[lang][p.participantKind]}</p>
      <p>
        {activities.join(', ')}. {t.representatives}: {p.representatives}. {t.tables}: {p.tables}.
      </p>
      <p>
        {t.contact}: {[p.contactName, p.contactEmail, p.contactPhone].filter(Boolean).join(', ')}
      </p>
      {p.notes ? (
        <p>
          {t.notes}: {p.notes}
        </p>
      ) : null}
      <Decisions {...props} />
    </li>
  );
}

/** TFI's list of a year's International Day participations, in application order: confirm or decline each. */
export function AdminInternationalDayPage(props: AdminInternationalDayPageProps) {
  const { lang, baseUrl, session, year, years, day, participations, after, done } = props;
  const t = TEXT[lang];
  return (
    <PortalPage lang={lang} title={t.title(year)} baseUrl={baseUrl} path={sitePaths.portalAdminInternationalDay()} session={session}>
      <h1>{t.title(year)}</h1>
      {years.length ? (
        <nav aria-label={t.years}>
          <ul class="nav">
            {years.map((y) => (
              <li key={y}>
                <a href={sitePaths.portalAdminInternationalDay(y)} aria-current={y === year ? 'page' : undefined}>
                  {y}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {done && t.done[done] ? (
        <p class="notice" role="status">
          {t.done[done]}
        </p>
      ) : null}
      {day ? (
        <>
          <p>{t.stands(props.standsTaken, day.standCapacity)}</p>
          {day.event.status === EventStatus.PUBLISHED ? (
            <p>
              <a href={sitePaths.internationalDay(lang, year)}>{t.publicPage}</a>
            </p>
          ) : null}
          {participations.length ? (
            <ul class="cards">
              {participations.map((p) => (
                <ParticipationCard
                  key={p.participation.id}
                  lang={lang}
                  session={session}
                  year={year}
                  participation={p}
                  problem={props.problem}
                />
              ))}
            </ul>
          ) : (
            <p>{t.none}</p>
          )}
          {after ? (
            <p>
              <a href={`${sitePaths.portalAdminInternationalDay(year)}&after=${encodeURIComponent(after)}`}>{t.next}</a>
            </p>
          ) : null}
        </>
      ) : (
        <p>{t.noDay(year)}</p>
      )}
    </PortalPage>
  );
}
