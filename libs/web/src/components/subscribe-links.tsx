import { type SiteLanguage } from '@mangfold/config';
import { type FeedRef, selectionUrl } from '@mangfold/feeds';

const TEXT = {
  da: {
    heading: 'Abonnér på dette udvalg',
    webcal: 'Abonnér i din kalender-app',
    https: 'Kalenderadresse (.ics) til at kopiere',
    google: 'Tilføj til Google Kalender',
    rss: 'RSS-feed',
    period: 'Kalenderen følger med, når der kommer nye arrangementer; den tidsperiode, du har valgt, gælder kun denne side.',
    howTo: 'Sådan abonnerer du i din kalender',
  },
  en: {
    heading: 'Subscribe to this selection',
    webcal: 'Subscribe in your calendar app',
    https: 'Calendar address (.ics) to copy',
    google: 'Add to Google Calendar',
    rss: 'RSS feed',
    period: 'The calendar keeps up as new events are added; the period you chose applies to this page only.',
    howTo: 'How to subscribe in your calendar',
  },
} as const;

export interface SubscribeLinksProps {
  lang: SiteLanguage;
  baseUrl: string;
  /** The feed that holds exactly the events listed; several feeds mean the events they have in common. */
  feed: FeedRef | readonly FeedRef[];
  /** The RSS of the same selection (root-relative, with its query). */
  rssPath: string;
  /** The listing has a period filter, which a feed cannot express: say so. */
  periodOmitted?: boolean;
  /** Root-relative path of the how-to page. */
  howToPath: string;
}

/** "Subscribe to this selection" (WEB.md): webcal, https .ics, Google Calendar and RSS of one feed. */
export function SubscribeLinks({ lang, baseUrl, feed, rssPath, periodOmitted, howToPath }: SubscribeLinksProps) {
  const t = TEXT[lang];
  const https = selectionUrl(baseUrl, Array.isArray(feed) ? feed : [feed as FeedRef], lang);
  const webcal = https.replace(/^https?:\/\//, 'webcal://');
  const google = `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`;
  return (
    <section class="subscribe" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t.heading}</h2>
      <ul>
        <li>
          <a href={webcal}>{t.webcal}</a>
        </li>
        <li>
          <a href={https}>{t.https}</a>: <code>{https}</code>
        </li>
        <li>
          <a href={google} rel="noopener noreferrer">
            {t.google}
          </a>
        </li>
        <li>
          <a href={rssPath} type="application/rss+xml">
            {t.rss}
          </a>
        </li>
      </ul>
      {periodOmitted ? <p class="muted">{t.period}</p> : null}
      <p>
        <a href={howToPath}>{t.howTo}</a>
      </p>
    </section>
  );
}
