import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { Layout } from '../layout';
import { EventList, type ListedEvent } from '../events/event-list';
import { EVENTS_TEXT } from '../events/events-text';
import { Pager } from './events.page';

/** The archive: ended events, the latest first. */
export function PastEventsPage({
  lang,
  baseUrl,
  items,
  count,
  pager,
  districtNames,
  alternates,
  badPage,
}: {
  lang: SiteLanguage;
  baseUrl: string;
  items: ListedEvent[];
  count: number;
  pager: { next: string | null; previous: string | null };
  districtNames: ReadonlyMap<string, string>;
  alternates: Record<SiteLanguage, string>;
  badPage?: boolean;
}) {
  const t = EVENTS_TEXT[lang];
  return (
    <Layout meta={{ lang, title: t.pastTitle, description: t.pastLead, baseUrl, alternates }}>
      <h1>{t.pastTitle}</h1>
      <p class="lead">{t.pastLead}</p>
      <p>
        <a href={sitePaths.events(lang)}>{t.upcomingLink}</a>
      </p>
      {badPage ? (
        <p class="notice error" role="alert">
          {t.unknown.page()} <a href={sitePaths.pastEvents(lang)}>{t.pastTitle}</a>
        </p>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t.pastCount(count)}</h2>
          {items.length === 0 ? <p>{t.none}</p> : <EventList lang={lang} items={items} districtNames={districtNames} headingLevel={3} />}
          <Pager lang={lang} pager={pager} />
        </section>
      )}
    </Layout>
  );
}
