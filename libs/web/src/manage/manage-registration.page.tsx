import { DateTime } from 'luxon';
import type { ComponentChildren } from 'preact';
import type { Language } from '@mangfold/common';
import { sitePaths } from '@mangfold/config';
import { localize } from '@mangfold/db';
import type { Event } from '@mangfold/calendar';
import { RegistrationStatus, type Registration } from '@mangfold/registrations';
import { Layout } from '../layout';
import { MANAGE_TEXT } from './manage-text';

const MANAGE_PATH = '/registrations/manage';

/** The manage page's address in a language: the token is the key, so the link goes nowhere else. */
export function managePath(token: string, lang: Language, done?: 'cancelled' | 'feedback'): string {
  return `${MANAGE_PATH}?${new URLSearchParams({ token, lang, ...(done ? { done } : {}) }).toString()}`;
}

/** A page behind a mailed secret: out of search engines, its twin the same page in the other language. */
function ManageFrame(props: {
  lang: Language;
  baseUrl: string;
  title: string;
  alternates: Record<Language, string>;
  children: ComponentChildren;
}) {
  return (
    <Layout meta={{ lang: props.lang, title: props.title, baseUrl: props.baseUrl, noindex: true, alternates: props.alternates }}>
      {props.children}
    </Layout>
  );
}

function Hidden({ token, lang }: { token: string; lang: Language }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="lang" value={lang} />
    </>
  );
}

export interface ManagePageData {
  lang: Language;
  baseUrl: string;
  token: string;
  registration: Registration;
  event: Event;
  waitlistPosition: number | null;
  hasFeedback: boolean;
  personalFeedUrl: string | null;
  done?: 'cancelled' | 'feedback';
  error?: string;
  now: Date;
}

function when(event: Event, lang: Language): string {
  return DateTime.fromJSDate(event.startsAt, { zone: event.timeZone })
    .setLocale(lang === 'da' ? 'da-DK' : 'en-GB')
    .toLocaleString(event.allDay ? DateTime.DATE_HUGE : { ...DateTime.DATETIME_HUGE, timeZoneName: undefined });
}

function FeedbackForm({ token, lang }: { token: string; lang: Language }) {
  const t = MANAGE_TEXT[lang];
  return (
    <form id="feedback" method="post" action={`${MANAGE_PATH}/feedback`} class="stack">
      <Hidden token={token} lang={lang} />
      <h2>{t.feedbackHeading}</h2>
      <fieldset>
        <legend>{t.satisfied}</legend>
        <label>
          <input type="radio" name="satisfied" value="yes" required /> {t.yes}
        </label>
        <label>
          <input type="radio" name="satisfied" value="no" /> {t.no}
        </label>
      </fieldset>
      <label for="feedback-score">{t.score}</label>
      <select id="feedback-score" name="score">
        <option value=""></option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <label for="feedback-comment">{t.comment}</label>
      <textarea id="feedback-comment" name="comment" maxLength={2000}></textarea>
      <p>
        <button type="submit">{t.send}</button>
      </p>
    </form>
  );
}

/** The registration behind a mailed link: its state, cancelling, feedback after the event, the calendar, erasure. */
export function ManageRegistrationPage(d: ManagePageData) {
  const t = MANAGE_TEXT[d.lang];
  const title = localize(d.event.title, d.lang) ?? '';
  const where = [d.event.location.name, d.event.location.address, d.event.location.city].filter(Boolean).join(', ');
  const status =
    d.registration.status === RegistrationStatus.CONFIRMED
      ? t.confirmed(d.registration.partySize)
      : d.registration.status === RegistrationStatus.WAITLISTED
        ? t.waitlisted(d.waitlistPosition)
        : t.cancelled;
  const started = d.now >= d.event.startsAt;
  const ended = d.now >= d.event.endsAt;
  const active = d.registration.status !== RegistrationStatus.CANCELLED;
  return (
    <ManageFrame
      lang={d.lang}
      baseUrl={d.baseUrl}
      title={`${t.heading}: ${title}`}
      alternates={{ da: managePath(d.token, 'da'), en: managePath(d.token, 'en') }}
    >
      <h1>{title}</h1>
      <p>
        {when(d.event, d.lang)}
        {where ? (
          <>
            <br />
            {where}
          </>
        ) : null}
      </p>
      {d.done ? (
        <p class="notice" role="status">
          {t.done[d.done]}
        </p>
      ) : null}
      {d.error ? (
        <p class="notice error" role="alert">
          {d.error}
        </p>
      ) : null}
      <p class="notice">{status}</p>
      {active && !started ? (
        <form method="post" action={`${MANAGE_PATH}/cancel`}>
          <Hidden token={d.token} lang={d.lang} />
          <p>{t.cancelConfirm}</p>
          <button type="submit">{t.cancel}</button>
        </form>
      ) : null}
      {active && started && !ended ? <p>{t.started}</p> : null}
      {ended && d.registration.status === RegistrationStatus.CONFIRMED ? (
        d.hasFeedback ? (
          <p>{t.thanks}</p>
        ) : (
          <FeedbackForm token={d.token} lang={d.lang} />
        )
      ) : null}
      {d.personalFeedUrl ? (
        <p>
          <a href={d.personalFeedUrl.replace(/^https?:/, 'webcal:')}>{t.calendar}</a>
        </p>
      ) : null}
      <form method="post" action={`${MANAGE_PATH}/erase`}>
        <Hidden token={d.token} lang={d.lang} />
        <button type="submit">{t.erase}</button>
      </form>
    </ManageFrame>
  );
}

/** The confirmation step before erasure: what goes, what stays, and a second POST that does it. */
export function EraseConfirmPage(d: { lang: Language; baseUrl: string; token: string; event: Event }) {
  const t = MANAGE_TEXT[d.lang];
  return (
    <ManageFrame
      lang={d.lang}
      baseUrl={d.baseUrl}
      title={t.eraseHeading}
      alternates={{ da: managePath(d.token, 'da'), en: managePath(d.token, 'en') }}
    >
      <h1>{t.eraseHeading}</h1>
      <p>{localize(d.event.title, d.lang) ?? ''}</p>
      <ul>
        {t.eraseWhat.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{t.eraseKept}</p>
      <p>
        <strong>{t.eraseFinal}</strong>
      </p>
      <form method="post" action={`${MANAGE_PATH}/erase/confirm`}>
        <Hidden token={d.token} lang={d.lang} />
        <button type="submit">{t.eraseConfirm}</button>
      </form>
      <p>
        <a href={managePath(d.token, d.lang)}>{t.eraseBack}</a>
      </p>
    </ManageFrame>
  );
}

export function ErasedPage({ lang, baseUrl }: { lang: Language; baseUrl: string }) {
  const t = MANAGE_TEXT[lang];
  return (
    <ManageFrame
      lang={lang}
      baseUrl={baseUrl}
      title={t.erasedHeading}
      alternates={{ da: `${MANAGE_PATH}/erased?lang=da`, en: `${MANAGE_PATH}/erased?lang=en` }}
    >
      <h1>{t.erasedHeading}</h1>
      <p class="notice" role="status">
        {t.erased}
      </p>
    </ManageFrame>
  );
}

/** A link that opens no registration (mistyped, or erased): said plainly, in the language asked for. */
export function ManageNotFoundPage({ lang, baseUrl }: { lang: Language; baseUrl: string }) {
  const t = MANAGE_TEXT[lang];
  return (
    <ManageFrame lang={lang} baseUrl={baseUrl} title={t.heading} alternates={{ da: sitePaths.home('da'), en: sitePaths.home('en') }}>
      <h1>{t.heading}</h1>
      <p>{t.notFound}</p>
    </ManageFrame>
  );
}
