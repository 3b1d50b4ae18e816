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
    erase: 'Slet mine oplysninger …',
    eraseHeading: 'Slet dine oplysninger',
    eraseWhat: [
      'Dit navn, din e-mailadresse, dit telefonnummer og din organisation på denne tilmelding slettes.',
      'En kommentar, du har skrevet i din tilbagemelding, slettes.',
      'Er arrangementet ikke begyndt, afmeldes du først, og din plads går videre til den næste på ventelisten.',
      'Linket i dine mails holder op med at virke, og du får ingen flere mails om denne tilmelding.',
    ],
    eraseKept: 'Tilbage bliver kun, uden navn, at en plads var taget, og om du var tilfreds, til kommunens statistik.',
    eraseFinal: 'Det kan ikke fortrydes.',
    eraseConfirm: 'Ja, slet mine oplysninger',
    eraseBack: 'Nej, tilbage til min tilmelding',
    erasedHeading: 'Dine oplysninger er slettet',
    erased: 'Dine oplysninger på tilmeldingen er slettet, og linket virker ikke længere.',
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
    erase: 'Erase my data …',
    eraseHeading: 'Erase your data',
    eraseWhat: [
      'Your name, email address, phone number and organisation on this registration are erased.',
      'A comment you wrote in your feedback is erased.',
      'If the event has not begun, you are first unregistered and your seat goes to the next person on the waiting list.',
      'The link in your mails stops working, and you get no more mails about this registration.',
    ],
    eraseKept: 'All that remains, without a name, is that a seat was taken and whether you were satisfied, for the city’s statistics.',
    eraseFinal: 'This cannot be undone.',
    eraseConfirm: 'Yes, erase my data',
    eraseBack: 'No, back to my registration',
    erasedHeading: 'Your data is erased',
    erased: 'Your data on the registration is erased, and the link no longer works.',
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
  const hidden = hiddenFields(d.token, d.lang);
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
  parts.push(
    `<form method="post" action="/registrations/manage/erase">${hiddenFields(d.token, d.lang)}<button type="submit">${t.erase}</button></form>`,
  );
  return layout(d.lang, `${t.heading}: ${title}`, parts.filter(Boolean).join('\n'));
}

function hiddenFields(token: string, lang: Language): string {
  return `<input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="lang" value="${lang}">`;
}

/** The confirmation step before erasure: what goes, what stays, and a second POST that does it. */
export function eraseConfirmPage(d: { lang: Language; token: string; event: Event }): string {
  const t = TEXT[d.lang];
  const title = localize(d.event.title, d.lang) ?? '';
  const back = `/registrations/manage?${new URLSearchParams({ token: d.token, lang: d.lang }).toString()}`;
  const body = [
    `<h1>${t.eraseHeading}</h1>`,
    `<p>${escapeHtml(title)}</p>`,
    `<ul>${t.eraseWhat.map((line) => `<li>${line}</li>`).join('')}</ul>`,
    `<p>${t.eraseKept}</p>`,
    `<p><strong>${t.eraseFinal}</strong></p>`,
    `<form method="post" action="/registrations/manage/erase/confirm">${hiddenFields(d.token, d.lang)}<button type="submit">${t.eraseConfirm}</button></form>`,
    `<p><a href="${escapeHtml(back)}">${t.eraseBack}</a></p>`,
  ];
  return layout(d.lang, t.eraseHeading, body.join('\n'));
}

export function erasedPage(lang: Language): string {
  const t = TEXT[lang];
  return layout(lang, t.erasedHeading, `<h1>${t.erasedHeading}</h1>\n<p class="notice" role="status">${t.erased}</p>`);
}
