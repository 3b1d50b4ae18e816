import type { SiteLanguage } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { ErrorSummary, TextField } from '../../forms/fields';
import { PortalPage } from '../portal-layout';

const TEXT = {
  da: {
    title: 'Glemt adgangskode',
    intro: 'Skriv din e-mail, så sender vi et link, hvor du kan vælge en ny adgangskode. Linket virker i en time.',
    email: 'E-mail',
    submit: 'Send linket',
    sent: 'Hvis adressen hører til en konto, har vi sendt et link til den. Se efter i din indbakke (og i uønsket post).',
    back: 'Tilbage til log ind',
  },
  en: {
    title: 'Forgotten password',
    intro: 'Enter your email and we will send a link where you can choose a new password. The link works for an hour.',
    email: 'Email',
    submit: 'Send the link',
    sent: 'If the address belongs to an account, we have sent a link to it. Look in your inbox (and spam folder).',
    back: 'Back to log in',
  },
} as const;

export function ForgotPasswordPage(props: { lang: SiteLanguage; baseUrl: string; email?: string; errors: FieldErrors; sent?: boolean }) {
  const { lang, errors } = props;
  const t = TEXT[lang];
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={props.baseUrl} path="/portal/forgot-password">
      <h1>{t.title}</h1>
      {props.sent ? (
        <p class="notice" role="status">
          {t.sent}
        </p>
      ) : (
        <>
          <p>{t.intro}</p>
          <ErrorSummary lang={lang} errors={errors} labels={{ email: t.email }} />
          <form method="post" action={`/portal/forgot-password?lang=${lang}`} novalidate>
            <TextField name="email" type="email" label={t.email} value={props.email} errors={errors} required autocomplete="email" />
            <p>
              <button type="submit">{t.submit}</button>
            </p>
          </form>
        </>
      )}
      <p>
        <a href={`/portal/login?lang=${lang}`}>{t.back}</a>
      </p>
    </PortalPage>
  );
}
