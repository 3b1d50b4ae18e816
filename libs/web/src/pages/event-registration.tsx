import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { EventKind, type EventRecord, EventStatus } from '@mangfold/calendar';
import { EVENTS_TEXT } from '../events/events-text';
import { formatMoment } from '../events/format';

/** What registering needs to know of an event: its rules, where the form posts, and its zone for the dates. */
export type RegistrationEvent = Pick<
  EventRecord,
  | 'slug'
  | 'status'
  | 'kind'
  | 'registrationRequired'
  | 'capacity'
  | 'startsAt'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'timeZone'
  | 'waitlistLength'
>;

export type RegistrationField = 'name' | 'email' | 'phone' | 'organisation' | 'partySize' | 'consent';

export interface RegistrationForm {
  values: Partial<Record<RegistrationField, string>>;
  errors: Partial<Record<RegistrationField, string>>;
  /** A problem with the registration as a whole (closed meanwhile, rate limited). */
  problem?: string;
}

/** Whether a visitor can register now, and if not why: the rules of `registrationClosedReason`, in words. */
export type RegistrationState =
  | { open: true }
  | { open: false; reason: 'cancelled' | 'none' | 'internationalDay' | 'started' }
  | { open: false; reason: 'notYet' | 'closed'; at: Date };

export function registrationState(event: RegistrationEvent, now: Date): RegistrationState {
  if (event.status === EventStatus.CANCELLED) return { open: false, reason: 'cancelled' };
  if (event.kind === EventKind.INTERNATIONAL_DAY) return { open: false, reason: 'internationalDay' };
  if (!event.registrationRequired && event.capacity === null) return { open: false, reason: 'none' };
  if (now >= event.startsAt) return { open: false, reason: 'started' };
  if (event.registrationOpensAt && now < event.registrationOpensAt) return { open: false, reason: 'notYet', at: event.registrationOpensAt };
  if (event.registrationClosesAt && now >= event.registrationClosesAt)
    return { open: false, reason: 'closed', at: event.registrationClosesAt };
  return { open: true };
}

export function closedText(lang: SiteLanguage, state: Exclude<RegistrationState, { open: true }>, zone: string): string {
  const c = EVENTS_TEXT[lang].closed;
  switch (state.reason) {
    case 'notYet':
      return c.notYet(formatMoment(state.at, zone, lang));
    case 'closed':
      return c.closed(formatMoment(state.at, zone, lang));
    case 'cancelled':
    case 'none':
    case 'internationalDay':
    case 'started':
      return c[state.reason];
  }
}

interface RegistrationSectionProps {
  lang: SiteLanguage;
  event: RegistrationEvent;
  state: RegistrationState;
  left: number | null;
  form?: RegistrationForm;
}

/** The event page's registration: the form while it is open, else why not (nothing when the event takes none). */
export function RegistrationSection({ lang, event, state, left, form }: RegistrationSectionProps) {
  const t = EVENTS_TEXT[lang];
  if (state.open) return <OpenRegistration lang={lang} event={event} left={left} form={form} />;
  if (state.reason === 'none' || state.reason === 'cancelled') return form?.problem ? <p class="notice error">{form.problem}</p> : null;
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">{t.registerHeading}</h2>
      {form?.problem ? <p class="notice error">{form.problem}</p> : null}
      <p>{closedText(lang, state, event.timeZone)}</p>
    </section>
  );
}

function OpenRegistration({ lang, event, left, form }: Omit<RegistrationSectionProps, 'state'>) {
  const t = EVENTS_TEXT[lang];
  const errors = form?.errors ?? {};
  const invalid = Object.keys(errors) as RegistrationField[];
  const waitlist = left !== null && left <= 0;
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">{t.registerHeading}</h2>
      {waitlist ? <p>{t.waitlist(event.waitlistLength)}</p> : null}
      {form?.problem ? (
        <p class="notice error" role="alert">
          {form.problem}
        </p>
      ) : null}
      {invalid.length > 0 ? (
        <div class="notice error" role="alert">
          <p>{t.errorsHeading}</p>
          <ul>
            {invalid.map((name) => (
              <li key={name}>
                <a href={`#reg-${name}`}>{errors[name]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <RegisterForm lang={lang} slug={event.slug} values={form?.values ?? {}} errors={errors} waitlist={waitlist} />
    </section>
  );
}

/** The fields, each with its error beside it and tied to it for screen readers; the input as given is kept. */
function RegisterForm({
  lang,
  slug,
  values,
  errors,
  waitlist,
}: Omit<RegistrationForm, 'problem'> & { lang: SiteLanguage; slug: string; waitlist: boolean }) {
  const t = EVENTS_TEXT[lang];
  const field = (name: RegistrationField) => ({
    id: `reg-${name}`,
    name,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby':
      [errors[name] ? `reg-${name}-error` : null, name === 'email' ? 'reg-email-hint' : null].filter(Boolean).join(' ') || undefined,
  });
  const error = (name: RegistrationField) =>
    errors[name] ? (
      <p class="field-error" id={`reg-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  return (
    <form method="post" action={sitePaths.event(lang, slug)} class="register" noValidate>
      <label for="reg-name">{t.name}</label>
      <input type="text" {...field('name')} value={values.name ?? ''} autoComplete="name" required maxLength={200} />
      {error('name')}
      <label for="reg-email">{t.email}</label>
      <p class="muted" id="reg-email-hint">
        {t.emailHint}
      </p>
      <input type="email" {...field('email')} value={values.email ?? ''} autoComplete="email" required maxLength={254} />
      {error('email')}
      <label for="reg-phone">{t.phone}</label>
      <input type="tel" {...field('phone')} value={values.phone ?? ''} autoComplete="tel" />
      {error('phone')}
      <label for="reg-organisation">{t.organisation}</label>
      <input type="text" {...field('organisation')} value={values.organisation ?? ''} autoComplete="organization" maxLength={200} />
      {error('organisation')}
      <label for="reg-partySize">{t.partySize}</label>
      <input type="number" {...field('partySize')} value={values.partySize ?? '1'} min={1} max={10} step={1} inputMode="numeric" />
      {error('partySize')}
      <p class="consent">
        <label class="choice" for="reg-consent">
          <input type="checkbox" {...field('consent')} value="yes" checked={values.consent === 'yes'} required />
          <span>{t.consent}</span>
        </label>
        <a href={sitePaths.privacy(lang)}>{t.privacyLink}</a>
      </p>
      {error('consent')}
      <p>
        <button type="submit">{waitlist ? t.submitWaitlist : t.submit}</button>
      </p>
    </form>
  );
}
