import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { ALL_FEED } from '@mangfold/feeds';
import { EventList } from '../components/event-list';
import { SubscribeLinks } from '../components/subscribe-links';
import { dateSpanText, whenText, type When } from '../format';
import { inBothLanguages } from '../links';
import { Layout } from '../layout';
import type { EventCardData } from '../site-data.service';

const TEXT = {
  da: {
    title: 'Mangfoldighedskalenderen',
    description:
      'Københavns kalender over arrangementer, der markerer kulturelle, religiøse og nationale anledninger: fællesspisning, fester, seminarer og International Dag.',
    intro:
      'Her finder du arrangementer i hele København, som foreninger, projekter og organisationer holder for at markere kulturelle, religiøse og nationale anledninger. Alle er velkomne, og du kan abonnere på kalenderen i din egen kalender-app.',
    week: 'De næste syv dage',
    quietWeek: 'Der er ingen arrangementer de næste syv dage. Her er de næste, der kommer:',
    allEvents: 'Se alle kommende arrangementer',
    occasions: 'Kommende anledninger',
    noOccasions: 'Der er ingen anledninger i kalenderen lige nu.',
    day: 'International Dag',
    dayText: (year: number) => `International Dag ${year} er`,
    dayLink: (year: number) => `Program og deltagere for International Dag ${year}`,
    noDay: (year: number) => `Datoen for International Dag ${year} er ikke fastlagt endnu.`,
  },
  en: {
    title: 'Diversity Calendar',
    description:
      "Copenhagen's calendar of events marking cultural, religious and national occasions: shared meals, celebrations, seminars and International Day.",
    intro:
      'Here you find events all over Copenhagen that associations, projects and organisations hold to mark cultural, religious and national occasions. Everyone is welcome, and you can subscribe to the calendar in your own calendar app.',
    week: 'The next seven days',
    quietWeek: 'There are no events in the next seven days. Here are the next ones coming up:',
    allEvents: 'See all upcoming events',
    occasions: 'Coming occasions',
    noOccasions: 'There are no occasions in the calendar right now.',
    day: 'International Day',
    dayText: (year: number) => `International Day ${year} is on`,
    dayLink: (year: number) => `Programme and participants of International Day ${year}`,
    noDay: (year: number) => `The date of International Day ${year} has not been set yet.`,
  },
} as const;

export interface HomePageProps {
  lang: SiteLanguage;
  baseUrl: string;
  week: EventCardData[];
  /** The next events when the coming week has none. */
  soon: EventCardData[];
  occasions: { slug: string; name: string; startsOn: string; endsOn: string }[];
  internationalDay: { year: number; when: When | null };
}

export function HomePage({ lang, baseUrl, week, soon, occasions, internationalDay }: HomePageProps) {
  const t = TEXT[lang];
  const { year, when } = internationalDay;
  return (
    <Layout
      meta={{
        lang,
        title: t.title,
        description: t.description,
        baseUrl,
        alternates: inBothLanguages(sitePaths.home),
      }}
    >
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <div class="columns">
        <section aria-labelledby="week-heading">
          <h2 id="week-heading">{t.week}</h2>
          {week.length || !soon.length ? (
            <EventList lang={lang} events={week} />
          ) : (
            <>
              <p>{t.quietWeek}</p>
              <EventList lang={lang} events={soon} />
            </>
          )}
          <p>
            <a class="button" href={sitePaths.events(lang)}>
              {t.allEvents}
            </a>
          </p>
        </section>
        <div>
          <section aria-labelledby="occasions-heading">
            <h2 id="occasions-heading">{t.occasions}</h2>
            {occasions.length ? (
              <ul>
                {occasions.map((o) => (
                  <li key={`${o.slug}-${o.startsOn}`}>
                    <a href={sitePaths.occasion(lang, o.slug)}>{o.name}</a>: {dateSpanText(lang, o.startsOn, o.endsOn)}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t.noOccasions}</p>
            )}
          </section>
          <section aria-labelledby="day-heading">
            <h2 id="day-heading">{t.day}</h2>
            {when ? (
              <p>
                {t.dayText(year)} {whenText(lang, when)}.
              </p>
            ) : (
              <p>{t.noDay(year)}</p>
            )}
            <p>
              <a href={sitePaths.internationalDay(lang, year)}>{t.dayLink(year)}</a>
            </p>
          </section>
        </div>
      </div>
      <SubscribeLinks
        lang={lang}
        baseUrl={baseUrl}
        feed={ALL_FEED}
        rssPath={sitePaths.eventsRss(lang)}
        howToPath={sitePaths.subscribe(lang)}
      />
    </Layout>
  );
}
