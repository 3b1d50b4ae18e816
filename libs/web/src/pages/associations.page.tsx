import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { AssociationKind } from '@mangfold/associations';
import { ActorList } from '../components/actor-list';
import { KIND_HEADING, KIND_LABEL } from '../labels';
import { inBothLanguages } from '../links';
import { IntroLayout } from '../layout';
import type { ActorCardData } from '../site-data.service';

const TEXT = {
  da: {
    title: 'Foreninger og organisationer',
    intro:
      'Foreningerne, projekterne og organisationerne bag arrangementerne i kalenderen. Hver har sin egen side med arrangementer og en kalender, du kan abonnere på.',
    filter: 'Vis udvalg',
    kind: 'Slags',
    anyKind: 'Alle slags',
    district: 'Bydel',
    anyDistrict: 'Alle bydele',
    show: 'Vis',
    count: (n: number) => (n === 1 ? '1 forening eller organisation' : `${n} foreninger og organisationer`),
    districts: 'Bydele',
  },
  en: {
    title: 'Associations and organisations',
    intro:
      'The associations, projects and organisations behind the events in the calendar. Each has its own page with its events and a calendar you can subscribe to.',
    filter: 'Choose a selection',
    kind: 'Kind',
    anyKind: 'All kinds',
    district: 'District',
    anyDistrict: 'All districts',
    show: 'Show',
    count: (n: number) => (n === 1 ? '1 association or organisation' : `${n} associations and organisations`),
    districts: 'Districts',
  },
} as const;

export interface AssociationsPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  actors: ActorCardData[];
  districts: { slug: string; name: string }[];
  selected: { kind?: AssociationKind; district?: string };
}

export function AssociationsPage({ lang, baseUrl, actors, districts, selected }: AssociationsPageProps) {
  const t = TEXT[lang];
  const kinds = Object.values(AssociationKind).filter((k) => actors.some((a) => a.kind === k));
  return (
    <IntroLayout
      meta={{
        lang,
        title: t.title,
        description: t.intro,
        baseUrl,
        alternates: inBothLanguages(sitePaths.associations),
      }}
    >
      <form method="get" action={sitePaths.associations(lang)} class="no-print">
        <fieldset>
          <legend>{t.filter}</legend>
          <div class="filters">
            <div>
              <label for="kind">{t.kind}</label>
              <select id="kind" name="kind">
                <option value="">{t.anyKind}</option>
                {Object.values(AssociationKind).map((k) => (
                  <option key={k} value={k} selected={selected.kind === k}>
                    {KIND_LABEL[lang][k]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="district">{t.district}</label>
              <select id="district" name="district">
                <option value="">{t.anyDistrict}</option>
                {districts.map((d) => (
                  <option key={d.slug} value={d.slug} selected={selected.district === d.slug}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p>
            <button type="submit">{t.show}</button>
          </p>
        </fieldset>
      </form>
      <p role="status">{t.count(actors.length)}</p>
      {kinds.length ? (
        kinds.map((k) => (
          <section key={k} aria-labelledby={`kind-${k}`}>
            <h2 id={`kind-${k}`}>{KIND_HEADING[lang][k]}</h2>
            <ActorList lang={lang} actors={actors.filter((a) => a.kind === k)} />
          </section>
        ))
      ) : (
        <ActorList lang={lang} actors={[]} />
      )}
      <h2>{t.districts}</h2>
      <ul class="inline-list">
        {districts.map((d) => (
          <li key={d.slug}>
            <a href={sitePaths.district(lang, d.slug)}>{d.name}</a>
          </li>
        ))}
      </ul>
    </IntroLayout>
  );
}
