import { kindLabel } from '@mangfold/feeds';
import type { ResolvedSession } from '@mangfold/auth';
import { type Event, EventStatus, type OrganiserRole, type OrganiserStatus } from '@mangfold/calendar';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { fieldId } from '../../forms/fields';
import { formatWhen } from '../portal-format';
import { CsrfField, PortalPage } from '../portal-layout';
import type { Choice } from '../portal-reference.service';

const TEXT = {
  da: {
    status: { DRAFT: 'Kladde', SUBMITTED: 'Sendt til godkendelse', PUBLISHED: 'Offentliggjort', REJECTED: 'Afvist', CANCELLED: 'Aflyst' },
    facts: { status: 'Status', when: 'Hvornår', kind: 'Type', reason: 'Begrundelse', seats: 'Tilmeldte' },
    organisers: 'Arrangører',
    roles: { PRIMARY: 'arrangør', CO_ORGANIZER: 'medarrangør' } as Record<string, string>,
    organiserStatus: { INVITED: 'inviteret', ACCEPTED: 'har takket ja', DECLINED: 'har takket nej' } as Record<string, string>,
    edit: 'Redigér',
    copy: 'Kopiér til et nyt arrangement',
    submit: 'Send til godkendelse',
    cancel: 'Aflys arrangementet',
    cancelReason: 'Begrundelse for aflysningen (sendes til tilmeldte)',
    publish: 'Offentliggør',
    reject: 'Afvis',
    rejectReason: 'Begrundelse for afvisningen (sendes til arrangøren)',
    invite: 'Invitér en medarrangør',
    inviteWho: 'Forening',
    inviteButton: 'Send invitation',
    accept: 'Tag imod invitationen',
    decline: 'Sig nej tak',
    invitedFor: (name: string) => `Invitationen gælder ${name}.`,
    publicPage: 'Se den offentlige side',
    registrations: 'Tilmeldinger',
    done: {
      created: 'Arrangementet er oprettet som kladde.',
      saved: 'Ændringerne er gemt.',
      submitted: 'Arrangementet er sendt til TFI til godkendelse.',
      cancelled: 'Arrangementet er aflyst.',
      published: 'Arrangementet er offentliggjort.',
      rejected: 'Arrangementet er afvist.',
      invited: 'Invitationen er sendt.',
      accepted: 'I er nu medarrangør.',
      declined: 'I har sagt nej tak.',
    } as Record<string, string>,
  },
  en: {
    status: { DRAFT: 'Draft', SUBMITTED: 'Awaiting moderation', PUBLISHED: 'Published', REJECTED: 'Rejected', CANCELLED: 'Cancelled' },
    facts: { status: 'Status', when: 'When', kind: 'Kind', reason: 'Reason', seats: 'Registered' },
    organisers: 'Organisers',
    roles: { PRIMARY: 'organiser', CO_ORGANIZER: 'co-organiser' } as Record<string, string>,
    organiserStatus: { INVITED: 'invited', ACCEPTED: 'accepted', DECLINED: 'declined' } as Record<string, string>,
    edit: 'Edit',
    copy: 'Copy to a new event',
    submit: 'Send for moderation',
    cancel: 'Cancel the event',
    cancelReason: 'Reason for cancelling (sent to registrants)',
    publish: 'Publish',
    reject: 'Reject',
    rejectReason: 'Reason for rejecting (sent to the organiser)',
    invite: 'Invite a co-organiser',
    inviteWho: 'Association',
    inviteButton: 'Send the invitation',
    accept: 'Accept the invitation',
    decline: 'Decline',
    invitedFor: (name: string) => `The invitation is for ${name}.`,
    publicPage: 'See the public page',
    registrations: 'Registrations',
    done: {
      created: 'The event is created as a draft.',
      saved: 'Your changes are saved.',
      submitted: 'The event is sent to TFI for moderation.',
      cancelled: 'The event is cancelled.',
      published: 'The event is published.',
      rejected: 'The event is rejected.',
      invited: 'The invitation is sent.',
      accepted: 'You are now a co-organiser.',
      declined: 'You have declined.',
    } as Record<string, string>,
  },
} as const;

export interface OrganiserView {
  associationId: string;
  name: string;
  role: OrganiserRole;
  status: OrganiserStatus;
}

export interface EventDetailPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  event: Event;
  organisers: OrganiserView[];
  /** Whether the viewer may change the event (an accepted organiser's member, or TFI). */
  canEdit: boolean;
  /** The viewer's associations invited to co-organise this event. */
  invitedAs: OrganiserView[];
  inviteChoices: Choice[];
  isAdmin: boolean;
  done?: string;
  /** A refused action: which form, and why. */
  problem?: { form: string; message: string };
}

function ReasonForm(props: { id: string; action: string; label: string; button: string; session: ResolvedSession; problem?: string }) {
  const id = fieldId(props.id);
  return (
    <form method="post" action={props.action}>
      <CsrfField session={props.session} />
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name="reason"
        type="text"
        required
        aria-invalid={props.problem ? 'true' : undefined}
        aria-describedby={props.problem ? `${id}-error` : undefined}
      />
      {props.problem ? (
        <p class="field-error" id={`${id}-error`}>
          {props.problem}
        </p>
      ) : null}
      <p>
        <button type="submit" class="secondary">
          {props.button}
        </button>
      </p>
    </form>
  );
}

/** One event in the portal: its state, its organisers, and what the viewer may do with it now. */
export function EventDetailPage(props: EventDetailPageProps) {
  const { lang, event, session } = props;
  const t = TEXT[lang];
  const base = `/portal/events/${event.id}`;
  const title = localize(event.title, lang) ?? event.slug;
  return (
    <PortalPage lang={lang} title={title} baseUrl={props.baseUrl} path={base} session={session}>
      <h1>{title}</h1>
      <Outcome lang={lang} done={props.done} problem={props.problem} />
      <EventFacts lang={lang} event={event} />
      {event.status === EventStatus.PUBLISHED ? (
        <p>
          <a href={sitePaths.event(lang, event.slug)}>{t.publicPage}</a>
        </p>
      ) : null}

      <h2>{t.organisers}</h2>
      <ul>
        {props.organisers.map((o) => (
          <li key={o.associationId}>
            {o.name} ({t.roles[o.role]}, {t.organiserStatus[o.status]})
          </li>
        ))}
      </ul>

      {props.invitedAs.map((o) => (
        <InvitationAnswer key={o.associationId} lang={lang} base={base} session={session} invited={o} />
      ))}

      {props.canEdit ? <EditorActions {...props} base={base} /> : null}

      {props.isAdmin && event.status === EventStatus.SUBMITTED ? <ModerationActions {...props} base={base} /> : null}
    </PortalPage>
  );
}

/** What the last action did, or why the page refused it (refusals of one form are shown at that form). */
function Outcome({ lang, done, problem }: Pick<EventDetailPageProps, 'lang' | 'done' | 'problem'>) {
  const t = TEXT[lang];
  return (
    <>
      {done && t.done[done] ? (
        <p class="notice" role="status">
          {t.done[done]}
        </p>
      ) : null}
      {problem && problem.form === 'page' ? (
        <p class="notice error" role="alert">
          {problem.message}
        </p>
      ) : null}
    </>
  );
}

function EventFacts({ lang, event }: Pick<EventDetailPageProps, 'lang' | 'event'>) {
  const t = TEXT[lang];
  return (
    <dl class="facts">
      <dt>{t.facts.status}</dt>
      <dd>{t.status[event.status as EventStatus]}</dd>
      {event.statusReason ? (
        <>
          <dt>{t.facts.reason}</dt>
          <dd>{event.statusReason}</dd>
        </>
      ) : null}
      <dt>{t.facts.when}</dt>
      <dd>{formatWhen(lang, event.startsAt, event.timeZone, event.allDay)}</dd>
      <dt>{t.facts.kind}</dt>
      <dd>{kindLabel(event.kind, lang)}</dd>
      {event.registrationRequired ? (
        <>
          <dt>{t.facts.seats}</dt>
          <dd>
            {event.seatsTaken}
            {event.capacity !== null ? ` / ${event.capacity}` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Accept or decline co-organising, for one of the viewer's associations that is invited. */
function InvitationAnswer({
  lang,
  base,
  session,
  invited,
}: {
  lang: SiteLanguage;
  base: string;
  session: ResolvedSession;
  invited: OrganiserView;
}) {
  const t = TEXT[lang];
  return (
    <section aria-label={t.invitedFor(invited.name)}>
      <p>{t.invitedFor(invited.name)}</p>
      <form method="post" action={`${base}/respond`} class="inline-form">
        <CsrfField session={session} />
        <input type="hidden" name="associationId" value={invited.associationId} />
        <button type="submit" name="answer" value="accept">
          {t.accept}
        </button>{' '}
        <button type="submit" name="answer" value="decline" class="secondary">
          {t.decline}
        </button>
      </form>
    </section>
  );
}

type ActionProps = EventDetailPageProps & { base: string };

const problemOf = (props: EventDetailPageProps, form: string) => (props.problem?.form === form ? props.problem.message : undefined);

/** What an organiser may do: edit, copy, see registrations, submit a draft, invite co-organisers, cancel. */
function EditorActions(props: ActionProps) {
  const { lang, event, session, base } = props;
  const t = TEXT[lang];
  const status = event.status as EventStatus;
  return (
    <>
      <p>
        <a class="button" href={`${base}/edit`}>
          {t.edit}
        </a>{' '}
        <a class="button secondary" href={`/portal/events/new?copy=${event.id}`}>
          {t.copy}
        </a>{' '}
        {event.registrationRequired ? (
          <a class="button secondary" href={`${base}/registrations`}>
            {t.registrations}
          </a>
        ) : null}
      </p>
      {status === EventStatus.DRAFT || status === EventStatus.REJECTED ? (
        <form method="post" action={`${base}/submit`}>
          <CsrfField session={session} />
          <button type="submit">{t.submit}</button>
        </form>
      ) : null}
      {status !== EventStatus.CANCELLED ? (
        <>
          <InviteForm {...props} />
          <h2>{t.cancel}</h2>
          <ReasonForm
            id="cancel"
            action={`${base}/cancel`}
            label={t.cancelReason}
            button={t.cancel}
            session={session}
            problem={problemOf(props, 'cancel')}
          />
        </>
      ) : null}
    </>
  );
}

function InviteForm(props: ActionProps) {
  const { lang, session, base } = props;
  const t = TEXT[lang];
  const id = fieldId('invite');
  const problem = problemOf(props, 'invite');
  return (
    <>
      <h2>{t.invite}</h2>
      <form method="post" action={`${base}/invite`}>
        <CsrfField session={session} />
        <label for={id}>{t.inviteWho}</label>
        <select
          id={id}
          name="associationId"
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
        >
          {props.inviteChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {problem ? (
          <p class="field-error" id={`${id}-error`}>
            {problem}
          </p>
        ) : null}
        <p>
          <button type="submit" class="secondary">
            {t.inviteButton}
          </button>
        </p>
      </form>
    </>
  );
}

/** TFI's choice for a submitted event: publish it, or reject it with a reason. */
function ModerationActions(props: ActionProps) {
  const { lang, session, base } = props;
  const t = TEXT[lang];
  return (
    <>
      <form method="post" action={`${base}/publish`}>
        <CsrfField session={session} />
        <button type="submit">{t.publish}</button>
      </form>
      <ReasonForm
        id="reject"
        action={`${base}/reject`}
        label={t.rejectReason}
        button={t.reject}
        session={session}
        problem={problemOf(props, 'reject')}
      />
    </>
  );
}
