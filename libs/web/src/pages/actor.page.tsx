import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { AssociationKind } from '@mangfold/associations';
import { EventList } from '../components/event-list';
import { SubscribeLinks } from '../components/subscribe-links';
import { safeHttpUrl } from '../format';
import { KIND_LABEL } from '../labels';
import { withFilter } from '../links';
import { Layout } from '../layout';
import type { EventCardData } from '../site-data.service';

const TEXT = {
  da: {
    facts: 'Fakta',
    kind: 'Slags',
    district: 'Bydel',
    housingArea: 'Boligområde',
    website: 'Hjemmeside',
    email: 'E-mail',
    phone: 'Telefon',
    events: 'Kommende arrangementer',
    allUpcoming: 'Alle kommende arrangementer',
    past: 'Tidligere arrangementer',
    findings: 'Gode erfaringer fra TFI’s besøg',
    visited: (date: string) => `Besøg ${date}`,
    back: { association: 'Alle foreninger og organisationer', project: 'Hele projektbanken' },
  },
  en: {
    facts: 'Facts',
    kind: 'Kind',
    district: 'District',
    housingArea: 'Housing area',
    website: 'Website',
    email: 'Email',
    phone: 'Phone',
    events: 'Upcoming events',
    allUpcoming: 'All upcoming events',
    past: 'Past events',
    findings: 'Good practice from TFI’s visits',
    visited: (date: string) => `Visit of ${date}`,
    back: { association: 'All associations and organisations', project: 'The whole project bank' },
  },
} as const;

export interface ActorPageData {
  slug: string;
  name: string;
  kind: AssociationKind;
  description: string | null;
  district: { slug: string; name: string } | null;
  housingArea: { slug: string; name: string } | null;
  website: string | null;
  /** Only when the association opted in to showing it. */
  contact: { email: string | null; phone: string | null } | null;
  /** A project's published findings from TFI's visits (never the visit's notes), newest first. */
  findings: { visitedOn: string; text: string }[];
}

/** One association's page, or one project's in the project bank. */
export function ActorPage({
  lang,
  baseUrl,
  actor,
  events,
}: {
  lang: SiteLanguage;
  baseUrl: string;
  actor: ActorPageData;
  events: EventCardData[];
}) {
  const t = TEXT[lang];
  const section = actor.kind === AssociationKind.PROJECT ? 'project' : 'association';
  const path = (l: SiteLanguage) => (section === 'project' ? sitePaths.project(l, actor.slug) : sitePaths.association(l, actor.slug));
  return (
    <Layout
      meta={{
        lang,
        title: actor.name,
        description: actor.description?.slice(0, 200) ?? undefined,
        baseUrl,
        alternates: { da: path('da'), en: path('en') },
      }}
    >
      <p>
        <a href={section === 'project' ? sitePaths.projects(lang) : sitePaths.associations(lang)}>{t.back[section]}</a>
      </p>
      <h1>{actor.name}</h1>
      {actor.description ? <p class="lead description">{actor.description}</p> : null}
      <ActorFacts lang={lang} actor={actor} />
      <VisitFindings lang={lang} findings={actor.findings} />
      <ActorEvents lang={lang} baseUrl={baseUrl} slug={actor.slug} events={events} />
    </Layout>
  );
}

/** What kind of actor it is, where, and how to reach it (contact only when it opted in). */
function ActorFacts({ lang, actor }: { lang: SiteLanguage; actor: ActorPageData }) {
  const t = TEXT[lang];
  const website = safeHttpUrl(actor.website);
  return (
    <>
      <h2>{t.facts}</h2>
      <dl class="facts">
        <dt>{t.kind}</dt>
        <dd>{KIND_LABEL[lang][actor.kind]}</dd>
        {actor.district ? (
          <>
            <dt>{t.district}</dt>
            <dd>
              <a href={sitePaths.district(lang, actor.district.slug)}>{actor.district.name}</a>
            </dd>
          </>
        ) : null}
        {actor.housingArea ? (
          <>
            <dt>{t.housingArea}</dt>
            <dd>
              <a href={sitePaths.housingArea(lang, actor.housingArea.slug)}>{actor.housingArea.name}</a>
            </dd>
          </>
        ) : null}
        {actor.website ? (
          <>
            <dt>{t.website}</dt>
            <dd>{website ? <a href={website}>{website}</a> : actor.website}</dd>
          </>
        ) : null}
        {actor.contact?.email ? (
          <>
            <dt>{t.email}</dt>
            <dd>
              <a href={`mailto:${actor.contact.email}`}>{actor.contact.email}</a>
            </dd>
          </>
        ) : null}
        {actor.contact?.phone ? (
          <>
            <dt>{t.phone}</dt>
            <dd>{actor.contact.phone}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

/** "14. marts 2026" / "14 March 2026" for a visit's calendar date. */
function formatDay(lang: SiteLanguage, isoDate: string): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A project's good practice from TFI's visits; nothing when there is none. */
function VisitFindings({ lang, findings }: { lang: SiteLanguage; findings: ActorPageData['findings'] }) {
  const t = TEXT[lang];
  if (!findings.length) return null;
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t.findings}</h2>
      <ul>
        {findings.map((f) => (
          <li key={f.visitedOn}>
            <strong>{t.visited(formatDay(lang, f.visitedOn))}:</strong> <span class="prewrap">{f.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The actor's coming events, links to all and past ones, and its feed. */
function ActorEvents({ lang, baseUrl, slug, events }: { lang: SiteLanguage; baseUrl: string; slug: string; events: EventCardData[] }) {
  const t = TEXT[lang];
  const filter = { association: slug };
  return (
    <>
      <h2>{t.events}</h2>
      <EventList lang={lang} events={events} />
      <ul class="inline-list">
        <li>
          <a href={withFilter(sitePaths.events(lang), filter)}>{t.allUpcoming}</a>
        </li>
        <li>
          <a href={withFilter(sitePaths.pastEvents(lang), filter)}>{t.past}</a>
        </li>
      </ul>
      <SubscribeLinks
        lang={lang}
        baseUrl={baseUrl}
        feed={{ scope: 'association', slug }}
        rssPath={withFilter(sitePaths.eventsRss(lang), filter)}
        howToPath={sitePaths.subscribe(lang)}
      />
    </>
  );
}
