import type { ComponentChildren } from 'preact';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { type EventRecord, EventStatus } from '@mangfold/calendar';
import { localize, type LocalizedText } from '@mangfold/db';
import { feedPath, kindLabel, kindSlug } from '@mangfold/feeds';
import { inBothLanguages } from '../links';
import { Layout } from '../layout';
import { EVENTS_TEXT } from '../events/events-text';
import { describeRecurrence, formatMoment, formatPlace, formatWhen, languageName } from '../events/format';
import { eventJsonLd } from '../events/json-ld';
import { seatsLeft } from '../events/event-list';
import { type RegistrationForm, RegistrationSection, registrationState } from './event-registration';

export { closedText, registrationState, type RegistrationField, type RegistrationForm, type RegistrationState } from './event-registration';

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

type Occurrence = EventPageProps['occurrence'];

export function EventPage({ lang, baseUrl, event, organisers, occurrence, nextDates, now, form }: EventPageProps) {
  const t = EVENTS_TEXT[lang];
  const title = localize(event.title, lang) ?? event.slug;
  const description = text(event.description, lang);
  const cancelled = event.status === EventStatus.CANCELLED;
  const left = seatsLeft(event);
  const summary = description ? description.replace(/\s+/g, ' ').slice(0, 200) : formatWhen(occurrence, event.allDay, event.timeZone, lang);
  return (
    <Layout
      meta={{
        lang,
        title: cancelled ? `${t.cancelled}: ${title}` : title,
        description: summary,
        baseUrl,
        alternates: inBothLanguages((l) => sitePaths.event(l, event.slug)),
        head: (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: eventJsonLd(event, occurrence, organisers, lang, baseUrl) }}
          />
        ),
      }}
    >
      <article class="event">
        <EventHeading lang={lang} title={title} event={event} />
        <div class="columns">
          <div>
            <EventFacts lang={lang} event={event} organisers={organisers} occurrence={occurrence} left={left} now={now} />
            {description ? <Paragraphs text={description} /> : null}
            <NextDates lang={lang} event={event} nextDates={nextDates} />
          </div>
          <aside>
            <RegistrationSection lang={lang} event={event} state={registrationState(event, now)} left={left} form={form} />
            <ShareLinks lang={lang} baseUrl={baseUrl} slug={event.slug} />
          </aside>
        </div>
      </article>
    </Layout>
  );
}

/** The title, marked and explained when the event is cancelled (cancelled events stay on the site). */
function EventHeading({ lang, title, event }: { lang: SiteLanguage; title: string; event: EventPageEvent }) {
  const t = EVENTS_TEXT[lang];
  const cancelled = event.status === EventStatus.CANCELLED;
  return (
    <>
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
    </>
  );
}

/** Everything a visitor must know before going: when, who, what, where, for whom, price and seats. */
function EventFacts({
  lang,
  event,
  organisers,
  occurrence,
  left,
  now,
}: Pick<EventPageProps, 'lang' | 'event' | 'organisers' | 'occurrence' | 'now'> & { left: number | null }) {
  const t = EVENTS_TEXT[lang];
  const place = formatPlace(event.location);
  const audience = text(event.audience, lang);
  const accessibility = text(event.accessibility, lang);
  const priceInfo = text(event.priceInfo, lang);
  return (
    <dl class="facts">
      <Fact label={t.when}>
        <time dateTime={occurrence.startsAt.toISOString()}>{formatWhen(occurrence, event.allDay, event.timeZone, lang)}</time>
        {event.allDay ? ` (${t.allDay})` : null}
      </Fact>
      {event.recurrence ? <Fact label={t.repeats}>{describeRecurrence(event.recurrence, event.timeZone, lang)}</Fact> : null}
      <OrganiserFacts lang={lang} organisers={organisers} />
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
      <SeatFacts lang={lang} event={event} left={left} now={now} />
    </dl>
  );
}

/** The organisers first, then the co-organisers. */
function OrganiserFacts({ lang, organisers }: Pick<EventPageProps, 'lang' | 'organisers'>) {
  const t = EVENTS_TEXT[lang];
  const primary = organisers.filter((o) => o.primary);
  const co = organisers.filter((o) => !o.primary);
  return (
    <>
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
    </>
  );
}

/** Seats left (or the waiting list) and when registration opens and closes; nothing for a cancelled event. */
function SeatFacts({ lang, event, left, now }: Pick<EventPageProps, 'lang' | 'event' | 'now'> & { left: number | null }) {
  const t = EVENTS_TEXT[lang];
  if (event.status === EventStatus.CANCELLED) return null;
  return (
    <>
      {left !== null || event.registrationRequired ? (
        <Fact label={t.seatsLabel}>{left === null ? t.unlimited : left > 0 ? t.seatsLeft(left) : t.waitlist(event.waitlistLength)}</Fact>
      ) : null}
      {event.registrationOpensAt || event.registrationClosesAt ? (
        <Fact label={t.registrationLabel}>
          {event.registrationOpensAt && event.registrationOpensAt > now
            ? t.opens(formatMoment(event.registrationOpensAt, event.timeZone, lang))
            : null}{' '}
          {event.registrationClosesAt ? t.closes(formatMoment(event.registrationClosesAt, event.timeZone, lang)) : null}
        </Fact>
      ) : null}
    </>
  );
}

/** The series' next dates after this one; nothing for a single event. */
function NextDates({ lang, event, nextDates }: { lang: SiteLanguage; event: EventPageEvent; nextDates: Occurrence[] }) {
  const t = EVENTS_TEXT[lang];
  if (!event.recurrence || nextDates.length === 0) return null;
  return (
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
  );
}

/** Add to calendar, the link to share, the poster, and the way back to the list. */
function ShareLinks({ lang, baseUrl, slug }: { lang: SiteLanguage; baseUrl: string; slug: string }) {
  const t = EVENTS_TEXT[lang];
  const canonicalPath = sitePaths.event(lang, slug);
  const icsPath = feedPath({ scope: 'event', slug }) + (lang === 'en' ? '?lang=en' : '');
  return (
    <>
      <h2>{t.share}</h2>
      <ul class="link-list">
        <li>
          <a href={icsPath} type="text/calendar">
            {t.addToCalendar}
          </a>
        </li>
        <li>
          {t.shareLink}: <a href={canonicalPath}>{`${baseUrl}${canonicalPath}`}</a>
        </li>
        <li>
          <a href={sitePaths.poster(lang, slug)}>{t.poster}</a>
        </li>
        <li>
          <a href={sitePaths.events(lang)}>{t.backToList}</a>
        </li>
      </ul>
    </>
  );
}
