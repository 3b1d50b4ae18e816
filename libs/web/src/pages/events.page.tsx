import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { Layout } from '../layout';
import { SubscribeLinks } from '../components/subscribe-links';
import { EventList, type ListedEvent } from '../events/event-list';
import { EVENTS_TEXT } from '../events/events-text';
import { type FilterChoices, type FilterValues, type ListingQuery, listingHref } from '../events/listing-query';

export interface EventsPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  choices: FilterChoices;
  query: ListingQuery;
  items: ListedEvent[];
  count: number | null;
  pager: { next: string | null; previous: string | null };
  districtNames: ReadonlyMap<string, string>;
}

function Select({
  id,
  label,
  value,
  options,
  any,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: { slug: string; name: string }[];
  any: string;
}) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug} selected={o.slug === value}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The listing: a GET form with every filter of the `events` query, the count, the cards, paging and the feed of the selection. */
export function EventsPage({ lang, baseUrl, choices, query, items, count, pager, districtNames }: EventsPageProps) {
  const t = EVENTS_TEXT[lang];
  const v = query.values;
  const alternates = {
    da: listingHref(sitePaths.events('da'), v, query),
    en: listingHref(sitePaths.events('en'), v, query),
  };
  const rssPath = listingHref(sitePaths.eventsRss(lang), v);
  return (
    <Layout
      meta={{
        lang,
        title: t.listTitle,
        description: t.listDescription,
        baseUrl,
        alternates,
        noindex: Object.keys(v).length > 0 || query.after !== null,
        head: <link rel="alternate" type="application/rss+xml" title={t.listTitle} href={rssPath} />,
      }}
    >
      <h1>{t.listTitle}</h1>
      <p class="lead">{t.listLead}</p>
      <ListingFilters lang={lang} choices={choices} values={v} />

      {query.errors.length > 0 ? (
        <FilterErrors lang={lang} errors={query.errors} />
      ) : (
        <ListingResults
          lang={lang}
          baseUrl={baseUrl}
          query={query}
          items={items}
          count={count}
          pager={pager}
          districtNames={districtNames}
          rssPath={rssPath}
        />
      )}
    </Layout>
  );
}

/** The filter form, a GET to the listing itself, keeping the values given. */
function ListingFilters({ lang, choices, values: v }: { lang: SiteLanguage; choices: FilterChoices; values: FilterValues }) {
  const t = EVENTS_TEXT[lang];
  const path = sitePaths.events(lang);
  const yesNo = (yes: string, no: string) => [
    { slug: 'yes', name: yes },
    { slug: 'no', name: no },
  ];
  return (
    <form method="get" action={path} class="no-print" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t.filtersHeading}</h2>
      <div class="filters">
        <div>
          <label for="q">{t.text}</label>
          <input type="search" id="q" name="q" value={v.q ?? ''} />
        </div>
        <div>
          <label for="from">{t.from}</label>
          <input type="date" id="from" name="from" value={v.from ?? ''} />
        </div>
        <div>
          <label for="to">{t.to}</label>
          <input type="date" id="to" name="to" value={v.to ?? ''} />
        </div>
        <Select id="district" label={t.district} value={v.district} options={choices.districts} any={t.any} />
        <Select id="area" label={t.housingArea} value={v.area} options={choices.housingAreas} any={t.any} />
        <Select id="occasion" label={t.occasion} value={v.occasion} options={choices.occasions} any={t.any} />
        <Select id="association" label={t.association} value={v.association} options={choices.associations} any={t.any} />
        <Select id="kind" label={t.kind} value={v.kind} options={choices.kinds} any={t.any} />
        <div>
          <label for="language">{t.language}</label>
          <input type="text" id="language" name="language" value={v.language ?? ''} autoComplete="off" />
        </div>
        <Select id="free" label={t.free} value={v.free} options={yesNo(t.freeYes, t.freeNo)} any={t.any} />
        <Select id="seats" label={t.seats} value={v.seats} options={yesNo(t.seatsYes, t.seatsNo)} any={t.any} />
      </div>
      <p class="actions">
        <button type="submit">{t.apply}</button> <a href={path}>{t.reset}</a>
      </p>
    </form>
  );
}

/** Filter values that name nothing: said instead of a list that would mislead. */
function FilterErrors({ lang, errors }: { lang: SiteLanguage; errors: string[] }) {
  const t = EVENTS_TEXT[lang];
  return (
    <div class="notice error" role="alert">
      <h2>{t.badFilter}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** The count, the cards, paging, the archive link and the feed of exactly this selection. */
function ListingResults({
  lang,
  baseUrl,
  query,
  items,
  count,
  pager,
  districtNames,
  rssPath,
}: Omit<EventsPageProps, 'choices'> & { rssPath: string }) {
  const t = EVENTS_TEXT[lang];
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{count === null ? t.listTitle : t.count(count)}</h2>
      {items.some((i) => i.event.recurrence) ? <p class="muted">{t.countNote}</p> : null}
      {items.length === 0 ? <p>{t.none}</p> : <EventList lang={lang} items={items} districtNames={districtNames} headingLevel={3} />}
      <Pager lang={lang} pager={pager} />
      <p>
        <a href={sitePaths.pastEvents(lang)}>{t.pastLink}</a>
      </p>
      <SubscribeLinks
        lang={lang}
        baseUrl={baseUrl}
        feed={query.feedRefs}
        rssPath={rssPath}
        periodOmitted={query.periodGiven}
        howToPath={sitePaths.subscribe(lang)}
      />
      {query.feedCannot.length > 0 ? <p class="notice">{t.feedCannot(query.feedCannot.join(', '))}</p> : null}
    </section>
  );
}

export function Pager({ lang, pager }: { lang: SiteLanguage; pager: { next: string | null; previous: string | null } }) {
  const t = EVENTS_TEXT[lang];
  if (!pager.next && !pager.previous) return null;
  return (
    <nav class="pager" aria-label={t.pages}>
      {pager.previous ? (
        <a href={pager.previous} rel="prev">
          ← {t.previous}
        </a>
      ) : (
        <span />
      )}
      {pager.next ? (
        <a href={pager.next} rel="next">
          {t.next} →
        </a>
      ) : null}
    </nav>
  );
}
