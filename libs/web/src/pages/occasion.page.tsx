import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { EventList } from '../components/event-list';
import { SubscribeLinks } from '../components/subscribe-links';
import { dateSpanText } from '../format';
import { inBothLanguages, withFilter } from '../links';
import { Layout } from '../layout';
import type { EventCardData } from '../site-data.service';

const TEXT = {
  da: {
    dates: 'Datoer',
    year: (y: number) => `I ${y}`,
    noDate: 'Datoen er ikke lagt ind endnu.',
    events: 'Arrangementer, der markerer anledningen',
    allUpcoming: 'Alle kommende arrangementer for anledningen',
    tradition: 'Tradition',
    traditions: {
      chinese: 'kinesisk',
      christian: 'kristen',
      danish: 'dansk',
      hindu: 'hinduistisk',
      international: 'international',
      islamic: 'islamisk',
      jewish: 'jødisk',
      persian: 'persisk',
    } as Record<string, string>,
  },
  en: {
    dates: 'Dates',
    year: (y: number) => `In ${y}`,
    noDate: 'The date has not been entered yet.',
    events: 'Events marking the occasion',
    allUpcoming: 'All upcoming events for the occasion',
    tradition: 'Tradition',
    traditions: {
      chinese: 'Chinese',
      christian: 'Christian',
      danish: 'Danish',
      hindu: 'Hindu',
      international: 'international',
      islamic: 'Islamic',
      jewish: 'Jewish',
      persian: 'Persian',
    } as Record<string, string>,
  },
} as const;

export interface OccasionPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  occasion: { slug: string; name: string; description: string | null; tradition: string | null };
  dates: { year: number; startsOn: string; endsOn: string }[];
  years: number[];
  events: EventCardData[];
}

/** An occasion: what it is, its dates this year and next, the events marking it and its feed. */
export function OccasionPage({ lang, baseUrl, occasion, dates, years, events }: OccasionPageProps) {
  const t = TEXT[lang];
  return (
    <Layout
      meta={{
        lang,
        title: occasion.name,
        description: occasion.description?.slice(0, 200) ?? undefined,
        baseUrl,
        alternates: inBothLanguages((l) => sitePaths.occasion(l, occasion.slug)),
      }}
    >
      <h1>{occasion.name}</h1>
      {occasion.description ? <p class="lead description">{occasion.description}</p> : null}
      {occasion.tradition ? (
        <p class="muted">
          {t.tradition}: {t.traditions[occasion.tradition] ?? occasion.tradition}
        </p>
      ) : null}
      <h2>{t.dates}</h2>
      <dl class="facts">
        {years.map((y) => {
          const d = dates.find((x) => x.year === y);
          return (
            <>
              <dt>{t.year(y)}</dt>
              <dd>{d ? dateSpanText(lang, d.startsOn, d.endsOn) : t.noDate}</dd>
            </>
          );
        })}
      </dl>
      <h2>{t.events}</h2>
      <EventList lang={lang} events={events} />
      <p>
        <a href={withFilter(sitePaths.events(lang), { occasion: occasion.slug })}>{t.allUpcoming}</a>
      </p>
      <SubscribeLinks
        lang={lang}
        baseUrl={baseUrl}
        feed={{ scope: 'occasion', slug: occasion.slug }}
        rssPath={withFilter(sitePaths.eventsRss(lang), { occasion: occasion.slug })}
        howToPath={sitePaths.subscribe(lang)}
      />
    </Layout>
  );
}
