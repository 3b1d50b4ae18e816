import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { inBothLanguages } from '../links';
import { IntroLayout } from '../layout';

const TEXT = {
  da: {
    title: 'Tilgængelighedserklæring',
    intro:
      'Københavns Kommune ønsker, at alle kan bruge Mangfoldighedskalenderen. Siderne er lavet efter webtilgængelighedsloven og retningslinjerne WCAG 2.1 på niveau AA.',
    howTitle: 'Sådan er siderne lavet',
    how: [
      'Alle sider virker uden JavaScript og kan bruges med tastaturet alene.',
      'Tekst kan forstørres, og siderne kan læses på en skærm, der kun er 320 pixels bred.',
      'Kortet over aktører i atlasset findes også som en liste.',
      'Siderne sætter ingen cookies og henter intet fra andre websteder.',
      'Hver side testes automatisk i en browser med axe-core for fejl efter WCAG 2.1 A og AA.',
    ],
    contactTitle: 'Fandt du en fejl?',
    contact: 'Skriv til TaskForce Integration, hvis noget ikke virker for dig, så retter vi det.',
  },
  en: {
    title: 'Accessibility statement',
    intro:
      'The City of Copenhagen wants everyone to be able to use the diversity calendar. The pages follow the Danish web accessibility act and WCAG 2.1 level AA.',
    howTitle: 'How the pages are made',
    how: [
      'Every page works without JavaScript and with the keyboard alone.',
      'Text can be enlarged, and the pages can be read on a screen only 320 pixels wide.',
      "The atlas's map of actors is also given as a list.",
      'The pages set no cookies and load nothing from other websites.',
      'Every page is checked automatically in a browser with axe-core for WCAG 2.1 A and AA failures.',
    ],
    contactTitle: 'Did you find a problem?',
    contact: 'Write to TaskForce Integration if something does not work for you, and we will fix it.',
  },
} as const;

export function AccessibilityPage({ lang, baseUrl }: { lang: SiteLanguage; baseUrl: string }) {
  const t = TEXT[lang];
  return (
    <IntroLayout meta={{ lang, title: t.title, description: t.intro, baseUrl, alternates: inBothLanguages(sitePaths.accessibility) }}>
      <h2>{t.howTitle}</h2>
      <ul>
        {t.how.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{t.contactTitle}</h2>
      <p>{t.contact}</p>
    </IntroLayout>
  );
}
