import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { whenText } from '../format';
import { actorPath } from '../links';
import type { EventCardData } from '../site-data.service';

const TEXT = {
  da: {
    cancelled: 'Aflyst',
    by: 'Arrangør',
    byMany: 'Arrangører',
    marks: 'Markerer',
    none: 'Der er ingen kommende arrangementer her lige nu.',
  },
  en: {
    cancelled: 'Cancelled',
    by: 'Organiser',
    byMany: 'Organisers',
    marks: 'Marks',
    none: 'There are no upcoming events here right now.',
  },
} as const;

/** Event cards under a heading of the given level; each card links to its event page. */
export function EventList({ lang, events, level = 3 }: { lang: SiteLanguage; events: EventCardData[]; level?: 2 | 3 }) {
  const t = TEXT[lang];
  if (!events.length) return <p class="muted">{t.none}</p>;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards">
      {events.map((e) => (
        <li class="card" key={`${e.slug}-${e.startsAt.toISOString()}`}>
          <Heading>
            <a href={sitePaths.event(lang, e.slug)}>{e.title}</a>
          </Heading>
          {e.cancelled ? <p class="badge cancelled">{t.cancelled}</p> : null}
          <p>
            <time dateTime={e.startsAt.toISOString()}>{whenText(lang, e)}</time>
          </p>
          {e.place || e.district ? <p class="muted">{[e.place, e.district?.name].filter(Boolean).join(' · ')}</p> : null}
          {e.organisers.length ? (
            <p class="muted">
              {e.organisers.length > 1 ? t.byMany : t.by}:{' '}
              {e.organisers.map((o, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  {o.slug ? <a href={actorPath(lang, { slug: o.slug, kind: o.kind })}>{o.name}</a> : o.name}
                </>
              ))}
            </p>
          ) : null}
          {e.occasion ? (
            <p class="muted">
              {t.marks}: <a href={sitePaths.occasion(lang, e.occasion.slug)}>{e.occasion.name}</a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
