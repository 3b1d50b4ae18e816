import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { ActorList } from '../components/actor-list';
import { inBothLanguages } from '../links';
import { IntroLayout } from '../layout';
import type { ActorCardData } from '../site-data.service';

const TEXT = {
  da: {
    title: 'Projektbank',
    intro:
      'Projekter i København, der arbejder med mangfoldighed, fællesskab og integration. Hvert projekt har sin egen side med arrangementer og en kalender, du kan abonnere på.',
    none: 'Projektbanken er tom lige nu.',
  },
  en: {
    title: 'Project bank',
    intro:
      'Projects in Copenhagen working with diversity, community and integration. Each project has its own page with its events and a calendar you can subscribe to.',
    none: 'The project bank is empty right now.',
  },
} as const;

export function ProjectsPage({ lang, baseUrl, projects }: { lang: SiteLanguage; baseUrl: string; projects: ActorCardData[] }) {
  const t = TEXT[lang];
  return (
    <IntroLayout
      meta={{
        lang,
        title: t.title,
        description: t.intro,
        baseUrl,
        alternates: inBothLanguages(sitePaths.projects),
      }}
    >
      {projects.length ? <ActorList lang={lang} actors={projects} level={2} /> : <p class="muted">{t.none}</p>}
    </IntroLayout>
  );
}
