import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { KIND_LABEL } from '../labels';
import { actorPath } from '../links';
import type { ActorCardData } from '../site-data.service';

const TEXT = {
  da: { none: 'Her er endnu ingen foreninger eller projekter.' },
  en: { none: 'There are no associations or projects here yet.' },
} as const;

/** Associations and projects as cards linking to their pages. */
export function ActorList({ lang, actors, level = 3 }: { lang: SiteLanguage; actors: ActorCardData[]; level?: 2 | 3 }) {
  if (!actors.length) return <p class="muted">{TEXT[lang].none}</p>;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards">
      {actors.map((a) => (
        <li class="card" key={a.slug}>
          <Heading>
            <a href={actorPath(lang, a)}>{a.name}</a>
          </Heading>
          <p class="muted">
            {KIND_LABEL[lang][a.kind]}
            {a.district ? (
              <>
                {' · '}
                <a href={sitePaths.district(lang, a.district.slug)}>{a.district.name}</a>
              </>
            ) : null}
          </p>
          {a.summary ? <p>{a.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
