import { AssociationKind } from '@mangfold/associations';
import type { SiteLanguage } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../forms/fields';
import { KIND_LABEL } from '../labels';
import { PortalPage } from './portal-layout';
import type { Choice } from './portal-reference.service';

export const SIGN_UP_TEXT = {
  da: {
    title: 'Tilmeld jeres forening',
    intro:
      'Når foreningen er tilmeldt, godkender TaskForce Integration den, normalt inden for få dage. Derefter kan I lægge arrangementer i kalenderen.',
    association: 'Foreningen',
    you: 'Dig (foreningens første medlem)',
    labels: {
      name: 'Foreningens navn',
      kind: 'Type',
      'description.da': 'Beskrivelse på dansk',
      'description.en': 'Beskrivelse på engelsk (valgfri)',
      districtSlug: 'Bydel',
      housingAreaSlug: 'Boligområde (valgfrit)',
      website: 'Hjemmeside (valgfri)',
      contactEmail: 'Offentlig kontakt-e-mail (valgfri)',
      contactPhone: 'Offentligt telefonnummer (valgfrit)',
      showContact: 'Vis kontaktoplysningerne offentligt',
      cvr: 'CVR-nummer (valgfrit)',
      memberName: 'Dit navn',
      email: 'Din e-mail (bruges til at logge ind)',
      password: 'Vælg en adgangskode (mindst 10 tegn)',
      slug: 'Adresse',
    } as Record<string, string>,
    none: 'Vælg',
    submit: 'Tilmeld foreningen',
    loggedIn: 'Du er logget ind, så du bliver foreningens første medlem med din nuværende konto.',
  },
  en: {
    title: 'Sign up your association',
    intro:
      'Once signed up, TaskForce Integration approves the association, usually within a few days. Then you can add events to the calendar.',
    association: 'The association',
    you: "You (the association's first member)",
    labels: {
      name: "The association's name",
      kind: 'Kind',
      'description.da': 'Description in Danish',
      'description.en': 'Description in English (optional)',
      districtSlug: 'District',
      housingAreaSlug: 'Housing area (optional)',
      website: 'Website (optional)',
      contactEmail: 'Public contact email (optional)',
      contactPhone: 'Public phone number (optional)',
      showContact: 'Show the contact details to the public',
      cvr: 'CVR number (optional)',
      memberName: 'Your name',
      email: 'Your email (your login)',
      password: 'Choose a password (at least 10 characters)',
      slug: 'Address',
    } as Record<string, string>,
    none: 'Choose',
    submit: 'Sign up the association',
    loggedIn: "You are logged in, so you become the association's first member with your current account.",
  },
} as const;

export interface SignUpPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  values: Record<string, string>;
  errors: FieldErrors;
  districts: Choice[];
  housingAreas: Choice[];
  loggedIn: boolean;
  csrfToken?: string;
}

export function SignUpPage({ lang, baseUrl, values, errors, districts, housingAreas, loggedIn, csrfToken }: SignUpPageProps) {
  const t = SIGN_UP_TEXT[lang];
  const l = t.labels;
  const kinds = Object.values(AssociationKind).map((k) => ({ value: k, label: KIND_LABEL[lang][k] }));
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal/sign-up">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorSummary lang={lang} errors={errors} labels={l} />
      <form method="post" action={`/portal/sign-up?lang=${lang}`} novalidate>
        {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
        <fieldset>
          <legend>{t.association}</legend>
          <TextField name="name" label={l.name} value={values.name} errors={errors} required />
          <SelectField name="kind" label={l.kind} value={values.kind ?? AssociationKind.ASSOCIATION} options={kinds} errors={errors} />
          <TextArea name="description.da" label={l['description.da']} value={values['description.da']} errors={errors} />
          <TextArea name="description.en" label={l['description.en']} value={values['description.en']} errors={errors} />
          <SelectField
            name="districtSlug"
            label={l.districtSlug}
            value={values.districtSlug}
            options={districts}
            blank={t.none}
            errors={errors}
          />
          <SelectField
            name="housingAreaSlug"
            label={l.housingAreaSlug}
            value={values.housingAreaSlug}
            options={housingAreas}
            blank={t.none}
            errors={errors}
          />
          <TextField name="website" type="url" label={l.website} value={values.website} errors={errors} />
          <TextField name="contactEmail" type="email" label={l.contactEmail} value={values.contactEmail} errors={errors} />
          <TextField name="contactPhone" type="tel" label={l.contactPhone} value={values.contactPhone} errors={errors} />
          <CheckboxField name="showContact" label={l.showContact} checked={values.showContact === 'on'} errors={errors} />
          <TextField name="cvr" label={l.cvr} value={values.cvr} errors={errors} />
        </fieldset>
        {loggedIn ? (
          <p>{t.loggedIn}</p>
        ) : (
          <fieldset>
            <legend>{t.you}</legend>
            <TextField name="memberName" label={l.memberName} value={values.memberName} errors={errors} autocomplete="name" />
            <TextField name="email" type="email" label={l.email} value={values.email} errors={errors} required autocomplete="email" />
            <TextField name="password" type="password" label={l.password} errors={errors} required autocomplete="new-password" />
          </fieldset>
        )}
        <p>
          <button type="submit">{t.submit}</button>
        </p>
      </form>
    </PortalPage>
  );
}

const SENT_TEXT = {
  da: {
    title: 'Tak for tilmeldingen',
    body: 'Foreningen er tilmeldt og venter nu på, at TaskForce Integration godkender den. Vi skriver til dig, når det er sket.',
    login: 'Log ind med den e-mail og adgangskode, du valgte',
  },
  en: {
    title: 'Thank you for signing up',
    body: 'The association is signed up and now waits for TaskForce Integration to approve it. We will write to you when that has happened.',
    login: 'Log in with the email and password you chose',
  },
} as const;

export function SignUpSentPage({ lang, baseUrl }: { lang: SiteLanguage; baseUrl: string }) {
  const t = SENT_TEXT[lang];
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal/sign-up/sent">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p>
        <a class="button" href={`/portal/login?lang=${lang}`}>
          {t.login}
        </a>
      </p>
    </PortalPage>
  );
}
