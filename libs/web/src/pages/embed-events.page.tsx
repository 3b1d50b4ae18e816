import { type SiteLanguage } from '@mangfold/config';
import { STYLESHEET_PATH } from '../assets';
import { EventList, type ListedEvent } from '../events/event-list';
import { EVENTS_TEXT } from '../events/events-text';
import { SITE_TEXT } from '../site-text';

/**
 * The list an association frames on its own site: no site frame, headings from h2 (it sits in
 * another page), every link opening in the top window.
 */
export function EmbedEventsPage({
  lang,
  items,
  districtNames,
  more,
  errors,
}: {
  lang: SiteLanguage;
  items: ListedEvent[];
  districtNames: ReadonlyMap<string, string>;
  /** The full listing with the same filters. */
  more: string;
  errors: string[];
}) {
  const t = EVENTS_TEXT[lang];
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${t.listTitle} · ${SITE_TEXT[lang].siteName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body class="embed">
        <main class="wrap">
          {errors.length > 0 ? (
            <ul class="notice error">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : items.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <EventList lang={lang} items={items} districtNames={districtNames} headingLevel={2} target="_top" />
          )}
          <p>
            <a href={more} target="_top">
              {t.listTitle} – {SITE_TEXT[lang].siteName}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
