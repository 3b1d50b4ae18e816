import type { SiteLanguage } from '@mangfold/config';
import { PortalPage } from './portal-layout';

const TEXT = {
  da: {
    title: 'Log ind',
    intro: 'Log ind for at oprette og redigere jeres forenings arrangementer.',
    email: 'E-mail',
    password: 'Adgangskode',
    submit: 'Log ind',
    forgot: 'Glemt adgangskoden?',
    signUp: 'Er jeres forening ikke med endnu? Tilmeld foreningen',
    loggedOut: 'Du er logget ud.',
    cookie: 'Når du logger ind, gemmer browseren én nødvendig cookie, som holder dig logget ind. Den slettes, når du logger ud.',
  },
  en: {
    title: 'Log in',
    intro: "Log in to create and edit your association's events.",
    email: 'Email',
    password: 'Password',
    submit: 'Log in',
    forgot: 'Forgot your password?',
    signUp: 'Is your association not on board yet? Sign it up',
    loggedOut: 'You are logged out.',
    cookie: 'Logging in stores one strictly necessary cookie in your browser to keep you logged in. It is deleted when you log out.',
  },
} as const;

export interface LoginPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  next: string;
  email?: string;
  error?: string;
  loggedOut?: boolean;
}

export function LoginPage({ lang, baseUrl, next, email, error, loggedOut }: LoginPageProps) {
  const t = TEXT[lang];
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal/login">
      <h1>{t.title}</h1>
      {loggedOut ? (
        <p class="notice" role="status">
          {t.loggedOut}
        </p>
      ) : null}
      <p>{t.intro}</p>
      {error ? (
        <p class="notice error" id="login-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/portal/login" novalidate>
        <input type="hidden" name="next" value={next} />
        <label for="email">{t.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={email ?? ''}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <label for="password">{t.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <p>
          <button type="submit">{t.submit}</button>
        </p>
      </form>
      <p class="muted">{t.cookie}</p>
      <ul>
        <li>
          <a href={`/portal/forgot-password?lang=${lang}`}>{t.forgot}</a>
        </li>
        <li>
          <a href={`/portal/sign-up?lang=${lang}`}>{t.signUp}</a>
        </li>
      </ul>
    </PortalPage>
  );
}
