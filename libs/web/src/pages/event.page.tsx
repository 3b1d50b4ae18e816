import type { ComponentChildren } from 'preact';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { EventKind, type EventRecord, EventStatus } from '@mangfold/calendar';
import { localize, type LocalizedText } from '@mangfold/db';
import { feedPath, kindLabel, kindSlug } from '@mangfold/feeds';
import { Layout } from '../layout';
import { EVENTS_TEXT } from '../events/events-text';
import { describeRecurrence, formatMoment, formatPlace, formatWhen, languageName } from '../events/format';
import { eventJsonLd } from '../events/json-ld';
import { seatsLeft } from '../events/event-list';

export interface Named {
  slug: string;
  name: LocalizedText;
}

/** An event as its page shows it: the plain record, with the places and occasion it names. */
export type EventPageEvent = Omit<EventRecord, 'district' | 'housingArea' | 'occasion'> & {
  district: Named | null;
  housingArea: Named | null;
  occasion: Named | null;
};

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

export function registrationState(event: EventPageEvent, now: Date): RegistrationState {
  if (event.status === EventStatus.CANCELLED) return { open: false, reason: 'cancelled' };
  if (event.kind === EventKind.INTERNATIONAL_DAY) return { open: false, reason: 'internationalDay' };
  if (!event.registrationRequired && event.capacity === null) return { open: false, reason: 'none' };
  if (now >= event.startsAt) return { open: false, reason: 'started' };
  if (event.registrationOpensAt && now < event.registrationOpensAt) return { open: false, reason: 'notYet', at: event.registrationOpensAt };
  if (event.registrationClosesAt && now >= event.registrationClosesAt)
    return { open: false, reason: 'closed', at: event.registrationClosesAt };
  return { open: true };
}

export interface EventPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  event: EventPageEvent;
  organisers: { name: string; slug: string; primary: boolean }[];
  /** The occurrence the page is about (the next one of a series) and the ones after it. */
  occurrence: { startsAt: Date; endsAt: Date };
  nextDates: { startsAt: Date; endsAt: Date }[];
  now: Date;
  form?: RegistrationForm;
}

/** Text as the association wrote it, paragraphs kept; never parsed as markup. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} class="prewrap">
            {p}
          </p>
        ))}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const text = (value: LocalizedText | null | undefined, lang: SiteLanguage) => {
  const s = localize(value, lang)?.trim();
  return s ? s : null;
};

export function EventPage({ lang, baseUrl, event, organisers, occurrence, nextDates, now, form }: EventPageProps) {
  const t = EVENTS_TEXT[lang];
  const title = localize(event.title, lang) ?? event.slug;
  const description = text(event.description, lang);
  const cancelled = event.status === EventStatus.CANCELLED;
  const place = formatPlace(event.location);
  const left = seatsLeft(event);
  const state = registrationState(event, now);
  const primary = organisers.filter((o) => o.primary);
  const co = organisers.filter((o) => !o.primary);
  const canonicalPath = sitePaths.event(lang, event.slug);
  const shareUrl = `${baseUrl}${canonicalPath}`;
  const icsPath = feedPath({ scope: 'event', slug: event.slug }) + (lang === 'en' ? '?lang=en' : '');
  const summary = description ? description.replace(/\s+/g, ' ').slice(0, 200) : formatWhen(occurrence, event.allDay, event.timeZone, lang);
  const audience = text(event.audience, lang);
  const accessibility = text(event.accessibility, lang);
  const priceInfo = text(event.priceInfo, lang);
  return (
    <Layout
      meta={{
        lang,
        title: cancelled ? `${t.cancelled}: ${title}` : title,
        description: summary,
        baseUrl,
        alternates: { da: sitePaths.event('da', event.slug), en: sitePaths.event('en', event.slug) },
        head: (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: eventJsonLd(event, occurrence, organisers, lang, baseUrl) }}
          />
        ),
      }}
    >
      <article class="event">
        <h1>
          {cancelled ? <span class="badge cancelled">{t.cancelled}</span> : null} {title}
        </h1>
        {cancelled ? (
          <div class="notice error">
            <p>
              <strong>{t.cancelledNotice}</strong>
            </p>
            {event.statusReason ? (
              <p class="prewrap">
                {t.cancelledReason}: {event.statusReason}
              </p>
            ) : null}
          </div>
        ) : null}
        <div class="columns">
          <div>
            <dl class="facts">
              <Fact label={t.when}>
                <time dateTime={occurrence.startsAt.toISOString()}>{formatWhen(occurrence, event.allDay, event.timeZone, lang)}</time>
                {event.allDay ? ` (${t.allDay})` : null}
              </Fact>
              {event.recurrence ? <Fact label={t.repeats}>{describeRecurrence(event.recurrence, event.timeZone, lang)}</Fact> : null}
              {primary.length > 0 ? (
                <Fact label={t.organisers}>
                  {primary.map((o) => (
                    <a key={o.slug} href={sitePaths.association(lang, o.slug)}>
                      {o.name}
                    </a>
                  ))}
                </Fact>
              ) : null}
              {co.length > 0 ? (
                <Fact label={t.coOrganisers}>
                  <ul class="inline-list">
                    {co.map((o) => (
                      <li key={o.slug}>
                        <a href={sitePaths.association(lang, o.slug)}>{o.name}</a>
                      </li>
                    ))}
                  </ul>
                </Fact>
              ) : null}
              {event.occasion ? (
                <Fact label={t.occasionLabel}>
                  <a href={sitePaths.occasion(lang, event.occasion.slug)}>{localize(event.occasion.name, lang) ?? event.occasion.slug}</a>
                </Fact>
              ) : null}
              <Fact label={t.kindLabel}>
                <a href={`${sitePaths.events(lang)}?kind=${kindSlug(event.kind)}`}>{kindLabel(event.kind, lang)}</a>
              </Fact>
              {place ? <Fact label={t.place}>{place}</Fact> : null}
              {event.district ? (
                <Fact label={t.districtLabel}>
                  <a href={sitePaths.district(lang, event.district.slug)}>{localize(event.district.name, lang) ?? event.district.slug}</a>
                </Fact>
              ) : null}
              {event.housingArea ? (
                <Fact label={t.housingAreaLabel}>
                  <a href={sitePaths.housingArea(lang, event.housingArea.slug)}>
                    {localize(event.housingArea.name, lang) ?? event.housingArea.slug}
                  </a>
                </Fact>
              ) : null}
              {event.languages.length > 0 ? (
                <Fact label={t.languages}>{event.languages.map((code) => languageName(code, lang)).join(', ')}</Fact>
              ) : null}
              {audience ? <Fact label={t.audience}>{audience}</Fact> : null}
              {accessibility ? <Fact label={t.accessibility}>{accessibility}</Fact> : null}
              <Fact label={t.price}>{[event.isFree ? t.free_ : null, priceInfo].filter(Boolean).join(' – ') || '–'}</Fact>
              {!cancelled && (left !== null || event.registrationRequired) ? (
                <Fact label={t.seatsLabel}>
                  {left === null ? t.unlimited : left > 0 ? t.seatsLeft(left) : t.waitlist(event.waitlistLength)}
                </Fact>
              ) : null}
              {!cancelled && (event.registrationOpensAt || event.registrationClosesAt) ? (
                <Fact label={t.registrationLabel}>
                  {event.registrationOpensAt && event.registrationOpensAt > now
                    ? t.opens(formatMoment(event.registrationOpensAt, event.timeZone, lang))
                    : null}{' '}
                  {event.registrationClosesAt ? t.closes(formatMoment(event.registrationClosesAt, event.timeZone, lang)) : null}
                </Fact>
              ) : null}
            </dl>
            {description ? <Paragraphs text={description} /> : null}
            {event.recurrence && nextDates.length > 0 ? (
              <>
                <h2>{t.nextDates}</h2>
                <ul>
                  {nextDates.map((o) => (
                    <li key={o.startsAt.toISOString()}>
                      <time dateTime={o.startsAt.toISOString()}>{formatWhen(o, event.allDay, event.timeZone, lang)}</time>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <aside>
            <RegistrationSection lang={lang} event={event} state={state} left={left} form={form} now={now} />
            <h2>{t.share}</h2>
            <ul class="link-list">
              <li>
                <a href={icsPath} type="text/calendar">
                  {t.addToCalendar}
                </a>
              </li>
              <li>
                {t.shareLink}: <a href={canonicalPath}>{shareUrl}</a>
              </li>
              <li>
                <a href={sitePaths.poster(lang, event.slug)}>{t.poster}</a>
              </li>
              <li>
                <a href={sitePaths.events(lang)}>{t.backToList}</a>
              </li>
            </ul>
          </aside>
        </div>
      </article>
    </Layout>
  );
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

function RegistrationSection({
  lang,
  event,
  state,
  left,
  form,
}: {
  lang: SiteLanguage;
  event: EventPageEvent;
  state: RegistrationState;
  left: number | null;
  form?: RegistrationForm;
  now: Date;
}) {
  const t = EVENTS_TEXT[lang];
  if (!state.open) {
    if (state.reason === 'none' || state.reason === 'cancelled') return form?.problem ? <p class="notice error">{form.problem}</p> : null;
    return (
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t.registerHeading}</h2>
        {form?.problem ? <p class="notice error">{form.problem}</p> : null}
        <p>{closedText(lang, state, event.timeZone)}</p>
      </section>
    );
  }
  const values = form?.values ?? {};
  const errors = form?.errors ?? {};
  const invalid = Object.keys(errors) as RegistrationField[];
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
      <form method="post" action={sitePaths.event(lang, event.slug)} class="register" noValidate>
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
    </section>
  );
}
