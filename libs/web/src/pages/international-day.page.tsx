import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { AssociationKind } from '@mangfold/associations';
import { EventList } from '../components/event-list';
import { SubscribeLinks } from '../components/subscribe-links';
import { whenText, type When } from '../format';
import { ACTIVITY_LABEL, KIND_HEADING } from '../labels';
import { actorPath, inBothLanguages, withFilter } from '../links';
import { IntroLayout } from '../layout';
import type { EventCardData, ParticipantData } from '../site-data.service';

const TEXT = {
  da: {
    title: (y: number) => `International Dag ${y}`,
    intro:
      'International Dag er Københavns store fælles dag, hvor foreninger, organisationer og ambassader viser deres kultur med boder, mad, musik og dans.',
    when: 'Hvornår og hvor',
    notSet: 'Datoen er ikke fastlagt endnu. Kig forbi igen senere.',
    programme: 'Program',
    noProgramme: 'Programmet er ikke offentliggjort endnu.',
    participants: 'Hvem deltager',
    noParticipants: 'Deltagerne er ikke bekræftet endnu.',
    count: (n: number) => (n === 1 ? '1 bekræftet deltager' : `${n} bekræftede deltagere`),
    otherYears: 'Andre år',
  },
  en: {
    title: (y: number) => `International Day ${y}`,
    intro:
      "International Day is Copenhagen's big shared day, when associations, organisations and embassies show their culture with stands, food, music and dance.",
    when: 'When and where',
    notSet: 'The date has not been set yet. Please look again later.',
    programme: 'Programme',
    noProgramme: 'The programme has not been published yet.',
    participants: 'Who takes part',
    noParticipants: 'No participants have been confirmed yet.',
    count: (n: number) => (n === 1 ? '1 confirmed participant' : `${n} confirmed participants`),
    otherYears: 'Other years',
  },
} as const;

export interface InternationalDayPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  year: number;
  /** Whether the page was asked for without a year (its twin then has none either). */
  defaultYear: boolean;
  day: { when: When; place: string | null } | null;
  programme: EventCardData[];
  participants: ParticipantData[];
  years: number[];
}

export function InternationalDayPage({ lang, baseUrl, year, defaultYear, day, programme, participants, years }: InternationalDayPageProps) {
  const t = TEXT[lang];
  const kinds = Object.values(AssociationKind).filter((k) => participants.some((p) => p.kind === k));
  const path = (l: SiteLanguage) => sitePaths.internationalDay(l, defaultYear ? undefined : year);
  return (
    <IntroLayout meta={{ lang, title: t.title(year), description: t.intro, baseUrl, alternates: inBothLanguages(path) }}>
      <h2>{t.when}</h2>
      {day ? (
        <p>
          <time dateTime={day.when.startsAt.toISOString()}>{whenText(lang, day.when)}</time>
          {day.place ? `, ${day.place}` : ''}
        </p>
      ) : (
        <p>{t.notSet}</p>
      )}
      <h2>{t.programme}</h2>
      {programme.length ? <EventList lang={lang} events={programme} /> : <p class="muted">{t.noProgramme}</p>}
      <h2>{t.participants}</h2>
      {participants.length ? (
        <>
          <p>{t.count(participants.length)}</p>
          {kinds.map((k) => (
            <section key={k} aria-labelledby={`participants-${k}`}>
              <h3 id={`participants-${k}`}>{KIND_HEADING[lang][k]}</h3>
              <ul>
                {participants
                  .filter((p) => p.kind === k)
                  .map((p, i) => (
                    <li key={`${p.name}-${i}`}>
                      {p.association?.slug ? (
                        <a href={actorPath(lang, { slug: p.association.slug, kind: p.association.kind })}>{p.name}</a>
                      ) : (
                        p.name
                      )}
                      {p.activities.length ? ` (${p.activities.map((a) => ACTIVITY_LABEL[lang][a]).join(', ')})` : ''}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      ) : (
        <p class="muted">{t.noParticipants}</p>
      )}
      {years.filter((y) => y !== year).length ? (
        <>
          <h2>{t.otherYears}</h2>
          <ul class="inline-list">
            {years
              .filter((y) => y !== year)
              .map((y) => (
                <li key={y}>
                  <a href={sitePaths.internationalDay(lang, y)}>{t.title(y)}</a>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <SubscribeLinks
        lang={lang}
        baseUrl={baseUrl}
        feed={{ scope: 'kind', slug: 'international-day' }}
        rssPath={withFilter(sitePaths.eventsRss(lang), { kind: 'international-day' })}
        howToPath={sitePaths.subscribe(lang)}
      />
    </IntroLayout>
  );
}
