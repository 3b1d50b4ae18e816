import { DateTime } from 'luxon';
import { escapeHtml, type Language } from '@mangfold/common';
import { localize } from '@mangfold/db';
import type { Event } from '@mangfold/calendar';
import { RegistrationStatus, type Registration } from './registration.entity';

const TEXT = {
  da: {
    heading: 'Din tilmelding',
    notFound: 'Linket virker ikke. Det kan være skrevet forkert, eller tilmeldingen er slettet efter arrangementet.',
    confirmed: (n: number) => (n === 1 ? 'Du har en bekræftet plads.' : `Du har ${n} bekræftede pladser.`),
    waitlisted: (pos: number | null) => `Du er på ventelisten${pos ? ` som nummer ${pos}` : ''}. Vi skriver til dig, hvis du får en plads.`,
    cancelled: 'Din tilmelding er afmeldt.',
    cancel: 'Afmeld min tilmelding',
    cancelConfirm: 'Din plads går videre til den næste på ventelisten.',
    started: 'Arrangementet er begyndt, så tilmeldingen kan ikke længere ændres.',
    feedbackHeading: 'Hvordan var arrangementet?',
    satisfied: 'Var du tilfreds?',
    yes: 'Ja',
    no: 'Nej',
    score: 'Karakter fra 1 (dårlig) til 5 (fremragende)',
    comment: 'Kommentar (valgfri)',
    send: 'Send',
    thanks: 'Tak for din tilbagemelding.',
    calendar: 'Abonnér på dine tilmeldinger i din kalender',
    done: { cancelled: 'Du er afmeldt.', feedback: 'Tak for din tilbagemelding.' },
  },
  en: {
    heading: 'Your registration',
    notFound: 'This link does not work. It may be mistyped, or the registration was deleted after the event.',
    confirmed: (n: number) => (n === 1 ? 'You have a confirmed seat.' : `You have ${n} confirmed seats.`),
    waitlisted: (pos: number | null) =>
      `You are on the waiting list${pos ? ` as number ${pos}` : ''}. We will write to you if you get a seat.`,
    cancelled: 'Your registration is cancelled.',
    cancel: 'Cancel my registration',
    cancelConfirm: 'Your seat goes to the next person on the waiting list.',
    started: 'The event has started, so the registration can no longer be changed.',
    feedbackHeading: 'How was the event?',
    satisfied: 'Were you satisfied?',
    yes: 'Yes',
    no: 'No',
    score: 'Score from 1 (poor) to 5 (excellent)',
    comment: 'Comment (optional)',
    send: 'Send',
    thanks: 'Thank you for your feedback.',
    calendar: 'Subscribe to your registrations in your calendar',
    done: { cancelled: 'You are no longer registered.', feedback: 'Thank you for your feedback.' },
  },
} as const;

/** A small, script-free, accessible HTML page in the product's look (used by every server-rendered page). */
export function layout(lang: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1b}
h1{font-size:1.5rem}.status{padding:.75rem 1rem;border-radius:.5rem;background:#eef4ee}.notice{background:#fff6db;padding:.5rem 1rem;border-radius:.5rem}
.error{background:#fde8e8;padding:.5rem 1rem;border-radius:.5rem}button{font-size:1rem;padding:.5rem 1rem}fieldset{border:0;padding:0}
label{display:block;margin:.5rem 0}textarea{width:100%;min-height:5rem}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function notFoundPage(lang: Language): string {
  return layout(lang, TEXT[lang].heading, `<h1>${TEXT[lang].heading}</h1>\n<p>${TEXT[lang].notFound}</p>`);
}

export interface ManagePageData {
  lang: Language;
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

export function managePage(d: ManagePageData): string {
  const t = TEXT[d.lang];
  const title = localize(d.event.title, d.lang) ?? '';
  const when = DateTime.fromJSDate(d.event.startsAt, { zone: d.event.timeZone })
    .setLocale(d.lang === 'da' ? 'da-DK' : 'en-GB')
    .toLocaleString(d.event.allDay ? DateTime.DATE_HUGE : { ...DateTime.DATETIME_HUGE, timeZoneName: undefined });
  const where = [d.event.location.name, d.event.location.address, d.event.location.city].filter(Boolean).join(', ');
  const status =
    d.registration.status === RegistrationStatus.CONFIRMED
      ? t.confirmed(d.registration.partySize)
      : d.registration.status === RegistrationStatus.WAITLISTED
        ? t.waitlisted(d.waitlistPosition)
        : t.cancelled;
  const started = d.now >= d.event.startsAt;
  const ended = d.now >= d.event.endsAt;
  const hidden = `<input type="hidden" name="token" value="${escapeHtml(d.token)}"><input type="hidden" name="lang" value="${d.lang}">`;
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(when)}${where ? `<br>${escapeHtml(where)}` : ''}</p>`,
    d.done ? `<p class="notice" role="status">${t.done[d.done]}</p>` : '',
    d.error ? `<p class="error" role="alert">${escapeHtml(d.error)}</p>` : '',
    `<p class="status">${escapeHtml(status)}</p>`,
  ];
  if (d.registration.status !== RegistrationStatus.CANCELLED) {
    if (!started) {
      parts.push(
        `<form method="post" action="/registrations/manage/cancel">${hidden}<p>${t.cancelConfirm}</p><button type="submit">${t.cancel}</button></form>`,
      );
    } else if (!ended) {
      parts.push(`<p>${t.started}</p>`);
    }
  }
  if (ended && d.registration.status === RegistrationStatus.CONFIRMED) {
    parts.push(
      d.hasFeedback
        ? `<p>${t.thanks}</p>`
        : `<form id="feedback" method="post" action="/registrations/manage/feedback">${hidden}
<h2>${t.feedbackHeading}</h2>
<fieldset><legend>${t.satisfied}</legend>
<label><input type="radio" name="satisfied" value="yes" required> ${t.yes}</label>
<label><input type="radio" name="satisfied" value="no"> ${t.no}</label></fieldset>
<label>${t.score} <select name="score"><option value=""></option>${[1, 2, 3, 4, 5].map((n) => `<option>${n}</option>`).join('')}</select></label>
<label>${t.comment}<textarea name="comment" maxlength="2000"></textarea></label>
<button type="submit">${t.send}</button></form>`,
    );
  }
  if (d.personalFeedUrl) parts.push(`<p><a href="${escapeHtml(d.personalFeedUrl.replace(/^https?:/, 'webcal:'))}">${t.calendar}</a></p>`);
  return layout(d.lang, `${t.heading}: ${title}`, parts.filter(Boolean).join('\n'));
}
