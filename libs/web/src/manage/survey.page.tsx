import type { Language } from '@mangfold/common';
import { sitePaths } from '@mangfold/config';
import { inBothLanguages } from '../links';
import { Layout } from '../layout';
import { SURVEY_TEXT } from './survey-text';

export const SURVEY_PATH = '/assignments/survey';

export type SurveyMessage = 'thanks' | 'answered' | 'invalid';

function surveyPath(token: string, lang: Language): string {
  return `${SURVEY_PATH}?${new URLSearchParams({ token, lang }).toString()}`;
}

/** The requester's survey: a plain form that works without JavaScript; once answered, only a thank-you. */
export function SurveyPage(v: {
  lang: Language;
  baseUrl: string;
  token: string;
  title: string;
  answered: boolean;
  message?: SurveyMessage;
}) {
  const t = SURVEY_TEXT[v.lang];
  const alternates = { da: surveyPath(v.token, 'da'), en: surveyPath(v.token, 'en') };
  return (
    <Layout meta={{ lang: v.lang, title: t.heading, baseUrl: v.baseUrl, noindex: true, alternates }}>
      <h1>{t.heading}</h1>
      {v.message === 'invalid' ? (
        <p class="notice error" role="alert">
          {t.invalid}
        </p>
      ) : null}
      {v.message === 'answered' ? (
        <p class="notice" role="alert">
          {t.answered}
        </p>
      ) : null}
      {v.answered ? (
        v.message !== 'answered' ? (
          <p class="notice" role="status">
            {t.thanks}
          </p>
        ) : null
      ) : (
        <>
          <p>{t.intro(v.title)}</p>
          <form method="post" action={SURVEY_PATH}>
            <input type="hidden" name="token" value={v.token} />
            <input type="hidden" name="lang" value={v.lang} />
            <fieldset>
              <legend>{t.satisfied}</legend>
              <label>
                <input type="radio" name="satisfied" value="yes" required /> {t.yes}
              </label>
              <label>
                <input type="radio" name="satisfied" value="no" /> {t.no}
              </label>
            </fieldset>
            <label for="comment">{t.comment}</label>
            <textarea id="comment" name="comment" maxLength={2000}></textarea>
            <p>
              <button type="submit">{t.send}</button>
            </p>
          </form>
        </>
      )}
    </Layout>
  );
}

/** A survey link that opens nothing (mistyped): said plainly; the language switch leads to the front page. */
export function SurveyNotFoundPage({ lang, baseUrl }: { lang: Language; baseUrl: string }) {
  const t = SURVEY_TEXT[lang];
  return (
    <Layout meta={{ lang, title: t.heading, baseUrl, noindex: true, alternates: inBothLanguages(sitePaths.home) }}>
      <h1>{t.heading}</h1>
      <p>{t.notFound}</p>
    </Layout>
  );
}
