import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { ALL_FEED, feedUrl, webcalUrl } from '@mangfold/feeds';
import { inBothLanguages } from '../links';
import { IntroLayout } from '../layout';

const TEXT = {
  da: {
    title: 'Sådan abonnerer du på kalenderen',
    intro:
      'Når du abonnerer, kommer arrangementerne ind i din egen kalender og holder sig opdaterede af sig selv: nye arrangementer kommer til, ændringer og aflysninger følger med.',
    addresses: 'Kalenderens adresser',
    webcal: 'Til at åbne direkte i en kalender-app',
    https: 'Til at kopiere og sætte ind (https)',
    open: 'Abonnér på alle arrangementer',
    every:
      'Hver liste på siden har sin egen kalender: en bydel, en forening, et projekt, en anledning eller de arrangementer, du har filtreret frem. Se efter "Abonnér på dette udvalg" nederst på siden og brug den adresse på samme måde.',
    apps: [
      {
        name: 'Apple Kalender på iPhone og iPad',
        steps: [
          'Tryk på linket "Abonnér på alle arrangementer" ovenfor (eller på en anden listes abonnér-link).',
          'Tryk "Abonnér", og vælg evt. hvilken konto kalenderen skal ligge på.',
          'Alternativt: Indstillinger → Kalender → Konti → Tilføj konto → Andet → Tilføj abonnementskalender, og indsæt https-adressen.',
        ],
      },
      {
        name: 'Apple Kalender på Mac',
        steps: [
          'Klik på abonnér-linket, eller vælg Arkiv → Ny kalenderabonnement i Kalender.',
          'Indsæt adressen, klik "Abonnér", og vælg hvor ofte den skal opdateres (fx hver time).',
        ],
      },
      {
        name: 'Google Kalender',
        steps: [
          'Brug linket "Tilføj til Google Kalender" på den liste, du vil følge, eller:',
          'Åbn Google Kalender på en computer, klik + ud for "Andre kalendere" → "Fra webadresse".',
          'Indsæt https-adressen og klik "Tilføj kalender". Google opdaterer kalenderen med nogle timers mellemrum.',
        ],
      },
      {
        name: 'Outlook',
        steps: [
          'Outlook på nettet: Kalender → Tilføj kalender → Abonner fra internettet, og indsæt https-adressen.',
          'Outlook på Windows: Tilføj kalender → Fra internettet, og indsæt adressen.',
        ],
      },
      {
        name: 'Android og andre kalender-apps',
        steps: [
          'Mange Android-telefoner bruger Google Kalender: tilføj kalenderen på calendar.google.com som ovenfor, så kommer den på telefonen.',
          'Andre apps (fx Thunderbird eller DAVx⁵) har "Abonnér på kalender" eller "Ny kalender fra netværket": indsæt https-adressen.',
        ],
      },
    ],
  },
  en: {
    title: 'How to subscribe to the calendar',
    intro:
      'When you subscribe, the events appear in your own calendar and keep themselves up to date: new events are added, and changes and cancellations follow.',
    addresses: "The calendar's addresses",
    webcal: 'To open directly in a calendar app',
    https: 'To copy and paste (https)',
    open: 'Subscribe to all events',
    every:
      'Every listing on the site has its own calendar: a district, an association, a project, an occasion, or the events you filtered. Look for "Subscribe to this selection" at the bottom of the page and use that address the same way.',
    apps: [
      {
        name: 'Apple Calendar on iPhone and iPad',
        steps: [
          'Tap the link "Subscribe to all events" above (or another listing\'s subscribe link).',
          'Tap "Subscribe", and choose the account the calendar should live in if asked.',
          'Or: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste the https address.',
        ],
      },
      {
        name: 'Apple Calendar on Mac',
        steps: [
          'Click the subscribe link, or choose File → New Calendar Subscription in Calendar.',
          'Paste the address, click "Subscribe", and choose how often it refreshes (every hour, say).',
        ],
      },
      {
        name: 'Google Calendar',
        steps: [
          'Use the link "Add to Google Calendar" on the listing you want to follow, or:',
          'Open Google Calendar on a computer, click + next to "Other calendars" → "From URL".',
          'Paste the https address and click "Add calendar". Google refreshes it every few hours.',
        ],
      },
      {
        name: 'Outlook',
        steps: [
          'Outlook on the web: Calendar → Add calendar → Subscribe from web, and paste the https address.',
          'Outlook on Windows: Add calendar → From Internet, and paste the address.',
        ],
      },
      {
        name: 'Android and other calendar apps',
        steps: [
          'Many Android phones use Google Calendar: add the calendar at calendar.google.com as above, and it appears on the phone.',
          'Other apps (Thunderbird or DAVx⁵, say) have "Subscribe to calendar" or "New calendar on the network": paste the https address.',
        ],
      },
    ],
  },
} as const;

export function SubscribePage({ lang, baseUrl }: { lang: SiteLanguage; baseUrl: string }) {
  const t = TEXT[lang];
  const webcal = webcalUrl(baseUrl, ALL_FEED, lang);
  const https = feedUrl(baseUrl, ALL_FEED, lang);
  return (
    <IntroLayout
      meta={{
        lang,
        title: t.title,
        description: t.intro,
        baseUrl,
        alternates: inBothLanguages(sitePaths.subscribe),
      }}
    >
      <h2>{t.addresses}</h2>
      <h3>{t.webcal}</h3>
      <p>
        <a href={webcal}>{t.open}</a>
        <br />
        <code>{webcal}</code>
      </p>
      <h3>{t.https}</h3>
      <p>
        <code>{https}</code>
      </p>
      <p class="notice">{t.every}</p>
      {t.apps.map((app, i) => (
        <section key={app.name} aria-labelledby={`app-${i}`}>
          <h2 id={`app-${i}`}>{app.name}</h2>
          <ol>
            {app.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
      ))}
    </IntroLayout>
  );
}
