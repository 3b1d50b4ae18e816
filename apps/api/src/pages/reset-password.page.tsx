import type { SiteLanguage } from '@mangfold/config';
import { Layout } from '@mangfold/web';

export const RESET_TEXT = {
  da: {
    title: 'Vælg en ny adgangskode',
    password: 'Ny adgangskode (mindst 10 tegn)',
    repeat: 'Gentag adgangskoden',
    save: 'Gem adgangskoden',
    mismatch: 'De to adgangskoder er ikke ens.',
    done: 'Din adgangskode er gemt. Du kan nu logge ind.',
    missing: 'Linket mangler sin kode. Bed om et nyt link.',
    tooMany: 'For mange forsøg. Prøv igen om lidt.',
  },
  en: {
    title: 'Choose a new password',
    password: 'New password (at least 10 characters)',
    repeat: 'Repeat the password',
    save: 'Save the password',
    mismatch: 'The two passwords differ.',
    done: 'Your password is saved. You can log in now.',
    missing: 'The link lacks its code. Ask for a new link.',
    tooMany: 'Too many attempts. Try again in a while.',
  },
} as const;

export type ResetState = { kind: 'form'; token: string; error?: string } | { kind: 'missing' } | { kind: 'done' };

/** Setting a new password from a mailed link: a plain form in the site's layout, out of search engines. */
export function ResetPasswordPage({ lang, baseUrl, state }: { lang: SiteLanguage; baseUrl: string; state: ResetState }) {
  const t = RESET_TEXT[lang];
  // The language switch keeps the link's code, so switching language does not lose the form (the page is noindex, sends no referrer).
  const token = state.kind === 'form' ? `token=${encodeURIComponent(state.token)}&` : '';
  const path = (l: SiteLanguage) => `/reset-password?${token}lang=${l}`;
  return (
    <Layout meta={{ lang, title: t.title, baseUrl, noindex: true, alternates: { da: path('da'), en: path('en') } }}>
      <h1>{t.title}</h1>
      {state.kind === 'missing' ? <p class="notice error">{t.missing}</p> : null}
      {state.kind === 'done' ? (
        <p class="notice" role="status">
          {t.done}
        </p>
      ) : null}
      {state.kind === 'form' ? (
        <form method="post" action="/reset-password">
          <input type="hidden" name="token" value={state.token} />
          <input type="hidden" name="lang" value={lang} />
          <label for="password">{t.password}</label>
          <input
            type="password"
            id="password"
            name="password"
            minLength={10}
            required
            autoComplete="new-password"
            aria-invalid={state.error ? 'true' : undefined}
            aria-describedby={state.error ? 'password-error' : undefined}
          />
          {state.error ? (
            <p class="field-error" id="password-error">
              {state.error}
            </p>
          ) : null}
          <label for="repeat">{t.repeat}</label>
          <input type="password" id="repeat" name="repeat" minLength={10} required autoComplete="new-password" />
          <p>
            <button type="submit">{t.save}</button>
          </p>
        </form>
      ) : null}
    </Layout>
  );
}
