import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { PRIVACY_NOTICE_VERSION } from '@mangfold/registrations';
import { inBothLanguages } from '../links';
import { Layout } from '../layout';

const TEXT = {
  da: {
    title: 'Sådan behandler vi dine oplysninger',
    operator: 'Mangfoldighedskalenderen drives af Københavns Kommunes TaskForce Integration (TFI).',
    registerTitle: 'Når du tilmelder dig et arrangement',
    register:
      'Vi gemmer dit navn, din e-mail, evt. telefonnummer og organisation, din rolle, antal pladser og dit sprog, så arrangøren kan planlægge, og så vi kan sende dig bekræftelse, påmindelser og et spørgeskema bagefter. Arrangørerne af arrangementet og TFI kan se din tilmelding. Offentlige kalendere og feeds viser aldrig personoplysninger.',
    howLongTitle: 'Hvor længe',
    howLong: (days: number) =>
      `${days} dage efter arrangementet anonymiserer vi dine oplysninger automatisk. Antallet af deltagere og tilfredshedssvar bevares uden at kunne føres tilbage til dig.`,
    cookiesTitle: 'Cookies',
    cookies:
      'De offentlige sider sætter ingen cookies, gemmer intet i din browser og henter intet fra andre websteder. Portalen for foreninger (på vej) bruger én strengt nødvendig cookie, der holder dig logget ind; den forsvinder, når du logger ud.',
    rightsTitle: 'Dine rettigheder',
    rights: (contact: string) =>
      `Linket i din bekræftelsesmail viser dine oplysninger, og derfra kan du afmelde dig eller slette dine oplysninger med det samme. Du kan også bede om indsigt, berigtigelse eller sletning ved at skrive til ${contact}.`,
    version: 'Version',
  },
  en: {
    title: 'How we handle your data',
    operator: "The diversity calendar is run by the City of Copenhagen's TaskForce Integration (TFI).",
    registerTitle: 'When you register for an event',
    register:
      "We keep your name, email, optionally your phone number and organisation, your role, number of seats and your language, so the organisers can plan and we can send you a confirmation, reminders and a short survey afterwards. The event's organisers and TFI can see your registration. Public calendars and feeds never show personal data.",
    howLongTitle: 'For how long',
    howLong: (days: number) =>
      `${days} days after the event your data is anonymised automatically. Head counts and satisfaction answers are kept without any link to you.`,
    cookiesTitle: 'Cookies',
    cookies:
      'The public pages set no cookies, store nothing in your browser and load nothing from other websites. The portal for associations (coming) uses one strictly necessary cookie that keeps you logged in; it goes when you log out.',
    rightsTitle: 'Your rights',
    rights: (contact: string) =>
      `The link in your confirmation mail shows your data; from there you can cancel or erase it at once. You can also ask for access, correction or erasure by writing to ${contact}.`,
    version: 'Version',
  },
} as const;

/** The privacy notice registrants consent to (its version is recorded with every registration). */
export function PrivacyPage({
  lang,
  baseUrl,
  retentionDays,
  contact,
}: {
  lang: SiteLanguage;
  baseUrl: string;
  retentionDays: number;
  contact: string;
}) {
  const t = TEXT[lang];
  return (
    <Layout meta={{ lang, title: t.title, baseUrl, alternates: inBothLanguages(sitePaths.privacy) }}>
      <h1>{t.title}</h1>
      <p class="lead">{t.operator}</p>
      <h2>{t.registerTitle}</h2>
      <p>{t.register}</p>
      <h2>{t.howLongTitle}</h2>
      <p>{t.howLong(retentionDays)}</p>
      <h2>{t.cookiesTitle}</h2>
      <p>{t.cookies}</p>
      <h2>{t.rightsTitle}</h2>
      <p>{t.rights(contact)}</p>
      <p class="muted">
        {t.version} {PRIVACY_NOTICE_VERSION}
      </p>
    </Layout>
  );
}
