import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { ActorList } from '../components/actor-list';
import { EventList } from '../components/event-list';
import { SubscribeLinks } from '../components/subscribe-links';
import { inBothLanguages, withFilter } from '../links';
import { Layout } from '../layout';
import type { ActorCardData, EventCardData } from '../site-data.service';

const TEXT = {
  da: {
    district: (name: string) => `Bydelen ${name}`,
    districtIntro: (name: string) => `Arrangementer, foreninger og projekter i ${name}.`,
    housingArea: (name: string) => `Boligområdet ${name}`,
    housingAreaIntro: (name: string, district: string) => `Arrangementer, foreninger og projekter i ${name}, som ligger i ${district}.`,
    events: 'Kommende arrangementer',
    allUpcoming: 'Alle kommende arrangementer her',
    actors: 'Foreninger og projekter',
    areas: 'Boligområder i bydelen',
    inDistrict: 'Ligger i bydelen',
    noOwnFeed: (name: string, district: string) =>
      `${name} har ikke sin egen kalender at abonnere på. Du kan abonnere på hele ${district}s kalender, som også har arrangementerne her.`,
  },
  en: {
    district: (name: string) => `The district of ${name}`,
    districtIntro: (name: string) => `Events, associations and projects in ${name}.`,
    housingArea: (name: string) => `The housing area ${name}`,
    housingAreaIntro: (name: string, district: string) => `Events, associations and projects in ${name}, which lies in ${district}.`,
    events: 'Upcoming events',
    allUpcoming: 'All upcoming events here',
    actors: 'Associations and projects',
    areas: 'Housing areas in the district',
    inDistrict: 'Lies in the district of',
    noOwnFeed: (name: string, district: string) =>
      `${name} has no calendar of its own to subscribe to. You can subscribe to the calendar of all of ${district}, which includes the events here.`,
  },
} as const;

interface Named {
  slug: string;
  name: string;
}

export interface AreaPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  events: EventCardData[];
  actors: ActorCardData[];
}

/** The district's feed and RSS: a housing area has none of its own, so it offers its district's. */
function DistrictFeeds({ lang, baseUrl, district }: { lang: SiteLanguage; baseUrl: string; district: { slug: string } }) {
  return (
    <SubscribeLinks
      lang={lang}
      baseUrl={baseUrl}
      feed={{ scope: 'district', slug: district.slug }}
      rssPath={withFilter(sitePaths.eventsRss(lang), { district: district.slug })}
      howToPath={sitePaths.subscribe(lang)}
    />
  );
}

/** A district: its events, its actors, its housing areas and its feed. */
export function DistrictPage({
  lang,
  baseUrl,
  district,
  housingAreas,
  events,
  actors,
}: AreaPageProps & { district: Named; housingAreas: Named[] }) {
  const t = TEXT[lang];
  const title = t.district(district.name);
  return (
    <Layout
      meta={{
        lang,
        title,
        description: t.districtIntro(district.name),
        baseUrl,
        alternates: inBothLanguages((l) => sitePaths.district(l, district.slug)),
      }}
    >
      <h1>{title}</h1>
      <p class="lead">{t.districtIntro(district.name)}</p>
      <h2>{t.events}</h2>
      <EventList lang={lang} events={events} />
      <p>
        <a href={withFilter(sitePaths.events(lang), { district: district.slug })}>{t.allUpcoming}</a>
      </p>
      <h2>{t.actors}</h2>
      <ActorList lang={lang} actors={actors} />
      {housingAreas.length ? (
        <>
          <h2>{t.areas}</h2>
          <ul class="inline-list">
            {housingAreas.map((h) => (
              <li key={h.slug}>
                <a href={sitePaths.housingArea(lang, h.slug)}>{h.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <DistrictFeeds lang={lang} baseUrl={baseUrl} district={district} />
    </Layout>
  );
}

/** A housing area: its events and actors; it has no feed of its own, so the page offers its district's and says so. */
export function HousingAreaPage({
  lang,
  baseUrl,
  housingArea,
  district,
  events,
  actors,
}: AreaPageProps & { housingArea: Named; district: Named }) {
  const t = TEXT[lang];
  const title = t.housingArea(housingArea.name);
  return (
    <Layout
      meta={{
        lang,
        title,
        description: t.housingAreaIntro(housingArea.name, district.name),
        baseUrl,
        alternates: inBothLanguages((l) => sitePaths.housingArea(l, housingArea.slug)),
      }}
    >
      <h1>{title}</h1>
      <p class="lead">{t.housingAreaIntro(housingArea.name, district.name)}</p>
      <p>
        {t.inDistrict} <a href={sitePaths.district(lang, district.slug)}>{district.name}</a>
      </p>
      <h2>{t.events}</h2>
      <EventList lang={lang} events={events} />
      <p>
        <a href={withFilter(sitePaths.events(lang), { housingArea: housingArea.slug })}>{t.allUpcoming}</a>
      </p>
      <h2>{t.actors}</h2>
      <ActorList lang={lang} actors={actors} />
      <p class="notice">{t.noOwnFeed(housingArea.name, district.name)}</p>
      <DistrictFeeds lang={lang} baseUrl={baseUrl} district={district} />
    </Layout>
  );
}
