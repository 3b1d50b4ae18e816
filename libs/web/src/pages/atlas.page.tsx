import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { AssociationKind } from '@mangfold/associations';
import { DISTRICT_SHAPES, MAP_HEIGHT, MAP_WIDTH, project } from '../atlas/atlas-geometry';
import type { Atlas, AtlasActor } from '../atlas/atlas.service';
import { KIND_LABEL } from '../labels';
import { inBothLanguages } from '../links';
import { IntroLayout } from '../layout';

const TEXT = {
  da: {
    title: 'TFI-atlas',
    intro:
      'Foreninger, projekter og organisationer, der arbejder med integration i Københavns bydele. Vælg en bydel eller en aktør på kortet, eller brug listen.',
    mapTitle: 'Kort over Københavns bydele med aktørerne',
    credit: 'Kilde: Københavns Kommune',
    notDrawn: 'Aktører uden koordinater står kun i listen.',
    download: 'Aktørerne som GeoJSON',
    listTitle: 'Aktører pr. bydel',
    publishedTitle: 'TFI’s atlasser over områderne',
    none: 'Ingen aktører endnu.',
    elsewhere: 'Uden bydel',
    actors: (n: number) => (n === 1 ? '1 aktør' : `${n} aktører`),
    notOnMap: 'ikke på kortet',
  },
  en: {
    title: 'TFI atlas',
    intro:
      "Associations, projects and organisations working on integration in Copenhagen's districts. Choose a district or an actor on the map, or use the list.",
    mapTitle: "Map of Copenhagen's districts with the actors",
    credit: 'Source: City of Copenhagen',
    notDrawn: 'Actors without coordinates are in the list only.',
    download: 'The actors as GeoJSON',
    listTitle: 'Actors by district',
    publishedTitle: 'TFI’s atlases of the areas',
    none: 'No actors yet.',
    elsewhere: 'No district',
    actors: (n: number) => (n === 1 ? '1 actor' : `${n} actors`),
    notOnMap: 'not on the map',
  },
} as const;

/** The actor's public page: projects are in the project bank, everyone else under associations. */
export function actorPath(lang: SiteLanguage, actor: { slug: string; kind: AssociationKind }): string {
  return actor.kind === AssociationKind.PROJECT ? sitePaths.project(lang, actor.slug) : sitePaths.association(lang, actor.slug);
}

export const kindLabel = (kind: AssociationKind, lang: SiteLanguage): string => KIND_LABEL[lang][kind];

const MAP_TITLE_ID = 'atlas-map-title';

/** A long name on two lines ("Vesterbro/" "Kongens Enghave"), so it stays inside its district. */
function labelLines(name: string): string[] {
  const split = name.length > 14 ? /^(.+?[/-])(.+)$/.exec(name) : null;
  return split ? [split[1], split[2]] : [name];
}

function AtlasMap({ lang, atlas }: { lang: SiteLanguage; atlas: Atlas }) {
  const { areas } = atlas;
  const t = TEXT[lang];
  const byShape = new Map(areas.filter((a) => a.shape).map((a) => [a.shape!, a]));
  const districtName = (shape: string) => {
    const area = byShape.get(shape);
    return area ? (localize(area.name, lang) ?? shape) : shape;
  };
  const points = [
    ...areas.flatMap((area) => area.actors.map((actor) => ({ actor, where: localize(area.name, lang) ?? area.slug }))),
    ...atlas.elsewhere.map((actor) => ({ actor, where: t.elsewhere })),
  ].filter(({ actor }) => actor.point);
  return (
    <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-labelledby={MAP_TITLE_ID} class="atlas-map">
      <title id={MAP_TITLE_ID}>{t.mapTitle}</title>
      <g>
        {DISTRICT_SHAPES.map((shape) => {
          const area = byShape.get(shape.name);
          const name = districtName(shape.name);
          const fill = `atlas-district atlas-fill-${shape.fill}`;
          if (!area) return <path key={shape.key} d={shape.path} class={fill} aria-hidden="true" />;
          const label = `${name}: ${t.actors(area.actors.length)}`;
          return (
            <a key={shape.key} href={sitePaths.district(lang, area.slug)} aria-label={label}>
              <title>{label}</title>
              <path d={shape.path} class={fill} />
            </a>
          );
        })}
      </g>
      <g aria-hidden="true">
        {DISTRICT_SHAPES.map((shape) => (
          <text key={shape.key} x={shape.label.x} y={shape.label.y} class="atlas-label">
            {labelLines(districtName(shape.name)).map((line, i, lines) => (
              <tspan key={line} x={shape.label.x} dy={i === 0 ? `${-(lines.length - 1) * 0.55}em` : '1.1em'}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
      </g>
      <g>
        {points.map(({ actor, where }) => {
          const { x, y } = project(actor.point!.longitude, actor.point!.latitude);
          const label = `${actor.name} (${kindLabel(actor.kind, lang)}, ${where})`;
          return (
            <a key={actor.slug} href={actorPath(lang, actor)} aria-label={label}>
              <title>{label}</title>
              <circle cx={x} cy={y} r={11} class={`atlas-point${actor.kind === AssociationKind.PROJECT ? ' project' : ''}`} />
            </a>
          );
        })}
      </g>
    </svg>
  );
}

function ActorItem({ lang, actor }: { lang: SiteLanguage; actor: AtlasActor }) {
  const t = TEXT[lang];
  return (
    <li>
      <a href={actorPath(lang, actor)}>{actor.name}</a> <span class="muted">· {kindLabel(actor.kind, lang)}</span>
      {actor.address ? <span class="atlas-address">{actor.address}</span> : null}
      {actor.point ? null : <span class="muted"> ({t.notOnMap})</span>}
    </li>
  );
}

export function AtlasPage({ lang, baseUrl, atlas }: { lang: SiteLanguage; baseUrl: string; atlas: Atlas }) {
  const t = TEXT[lang];
  return (
    <IntroLayout
      meta={{
        lang,
        title: t.title,
        description: t.intro,
        baseUrl,
        alternates: inBothLanguages(sitePaths.atlas),
        head: <link rel="alternate" type="application/geo+json" href={`${baseUrl}${sitePaths.atlasGeoJson()}`} title={t.download} />,
      }}
    >
      <div class="columns atlas">
        <figure class="map">
          <AtlasMap lang={lang} atlas={atlas} />
          <figcaption>
            {t.credit}. {t.notDrawn} <a href={sitePaths.atlasGeoJson()}>{t.download}</a>
          </figcaption>
        </figure>
        <section aria-labelledby="atlas-list-title">
          <h2 id="atlas-list-title">{t.listTitle}</h2>
          {atlas.areas.map((area) => (
            <div key={area.slug} class="atlas-area">
              <h3>
                <a href={sitePaths.district(lang, area.slug)}>{localize(area.name, lang) ?? area.slug}</a>{' '}
                <span class="muted">({t.actors(area.actors.length)})</span>
              </h3>
              {area.actors.length > 0 ? (
                <ul>
                  {area.actors.map((actor) => (
                    <ActorItem key={actor.slug} lang={lang} actor={actor} />
                  ))}
                </ul>
              ) : (
                <p class="muted">{t.none}</p>
              )}
            </div>
          ))}
          {atlas.elsewhere.length > 0 ? (
            <div class="atlas-area">
              <h3>{t.elsewhere}</h3>
              <ul>
                {atlas.elsewhere.map((actor) => (
                  <ActorItem key={actor.slug} lang={lang} actor={actor} />
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      </div>
      {atlas.published.length > 0 ? (
        <section aria-labelledby="atlas-published-title">
          <h2 id="atlas-published-title">{t.publishedTitle}</h2>
          {atlas.published.map((area) => (
            <div key={area.slug} class="atlas-area">
              <h3>
                {localize(area.name, lang) ?? area.slug} <span class="muted">({t.actors(area.actors.length)})</span>
              </h3>
              {localize(area.intro, lang) ? <p>{localize(area.intro, lang)}</p> : null}
              {area.actors.length > 0 ? (
                <ul>
                  {area.actors.map((actor) => (
                    <ActorItem key={actor.slug} lang={lang} actor={actor} />
                  ))}
                </ul>
              ) : (
                <p class="muted">{t.none}</p>
              )}
            </div>
          ))}
        </section>
      ) : null}
    </IntroLayout>
  );
}
