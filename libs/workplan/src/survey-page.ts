import { escapeHtml, type Language } from '@mangfold/common';
import { layout } from '@mangfold/registrations';

const TEXT = {
  da: {
    heading: 'Hvordan gik opgaven?',
    intro: (title: string) => `TaskForce Integration har afsluttet opgaven »${title}«. Vil du fortælle os, om du er tilfreds?`,
    satisfied: 'Er du tilfreds med TaskForce Integrations indsats?',
    yes: 'Ja',
    no: 'Nej',
    comment: 'Kommentar (valgfri)',
    send: 'Send svar',
    thanks: 'Tak for dit svar.',
    answered: 'Undersøgelsen er allerede besvaret. Tak for dit svar.',
    invalid: 'Svar ja eller nej, og skriv højst 2000 tegn.',
    notFound: 'Linket virker ikke. Det kan være skrevet forkert.',
  },
  en: {
    heading: 'How did the assignment go?',
    intro: (title: string) => `TaskForce Integration has completed the assignment “${title}”. Would you tell us whether you are satisfied?`,
    satisfied: "Are you satisfied with TaskForce Integration's work?",
    yes: 'Yes',
    no: 'No',
    comment: 'Comment (optional)',
    send: 'Send answer',
    thanks: 'Thank you for your answer.',
    answered: 'This survey has already been answered. Thank you.',
    invalid: 'Answer yes or no, and write at most 2000 characters.',
    notFound: 'This link does not work. It may be mistyped.',
  },
} as const;

export type SurveyMessage = 'thanks' | 'answered' | 'invalid';

export function surveyText(lang: Language): (typeof TEXT)[Language] {
  return TEXT[lang];
}

/** The requester's survey: a plain form that works without JavaScript; once answered, only a thank-you. */
export function surveyPage(v: { lang: Language; token: string; title: string; answered: boolean; message?: SurveyMessage }): string {
  const t = TEXT[v.lang];
  const parts = [`<h1>${escapeHtml(t.heading)}</h1>`];
  if (v.message === 'invalid') parts.push(`<p class="error" role="alert">${escapeHtml(t.invalid)}</p>`);
  if (v.message === 'answered') parts.push(`<p class="notice" role="alert">${escapeHtml(t.answered)}</p>`);
  if (v.answered) {
    if (v.message !== 'answered') parts.push(`<p class="status" role="status">${escapeHtml(t.thanks)}</p>`);
  } else {
    parts.push(
      `<p>${escapeHtml(t.intro(v.title))}</p>`,
      `<form method="post" action="/assignments/survey">`,
      `<input type="hidden" name="token" value="${escapeHtml(v.token)}">`,
      `<input type="hidden" name="lang" value="${v.lang}">`,
      `<fieldset><legend>${escapeHtml(t.satisfied)}</legend>`,
      `<label><input type="radio" name="satisfied" value="yes" required> ${escapeHtml(t.yes)}</label>`,
      `<label><input type="radio" name="satisfied" value="no"> ${escapeHtml(t.no)}</label></fieldset>`,
      `<label for="comment">${escapeHtml(t.comment)}</label><textarea id="comment" name="comment" maxlength="2000"></textarea>`,
      `<p><button type="submit">${escapeHtml(t.send)}</button></p>`,
      `</form>`,
    );
  }
  return layout(v.lang, t.heading, parts.join('\n'));
}

export function surveyNotFoundPage(lang: Language): string {
  const t = TEXT[lang];
  return layout(lang, t.heading, `<h1>${escapeHtml(t.heading)}</h1>\n<p>${escapeHtml(t.notFound)}</p>`);
}
