import type { AppConfig } from '@mangfold/config';
import type { Assignment } from './assignment.entity';
import { surveyUrl } from './survey-tokens';

/** The survey mail's content in the requester's language; the notifications lib lays it out and sends it. */
export interface SurveyMailContent {
  locale: 'da' | 'en';
  to: string;
  subject: string;
  greeting: string;
  blocks: { paragraph: string }[];
  action: { label: string; url: string };
}

/** Undefined when there is no one to ask (anonymised, no address) or nothing to ask about any more. */
export function requesterSurveyMail(config: Pick<AppConfig, 'auth' | 'http'>, a: Assignment): SurveyMailContent | undefined {
  if (!a.requesterEmail || a.anonymizedAt || a.completedAt === null || a.surveyAnsweredAt) return undefined;
  const locale = a.requesterLocale === 'en' ? 'en' : 'da';
  const url = surveyUrl(config, a.id, locale);
  const name = a.requesterName ?? '';
  if (locale === 'en') {
    return {
      locale,
      to: a.requesterEmail,
      subject: `How did “${a.title}” go?`,
      greeting: name ? `Dear ${name},` : 'Hello,',
      blocks: [
        { paragraph: `TaskForce Integration has completed the assignment “${a.title}” for ${a.requesterDepartment}.` },
        { paragraph: 'Please tell us in one click whether you are satisfied. The answer helps us follow up on our work plan.' },
      ],
      action: { label: 'Answer the survey', url },
    };
  }
  return {
    locale,
    to: a.requesterEmail,
    subject: `Hvordan gik »${a.title}«?`,
    greeting: name ? `Kære ${name}` : 'Hej',
    blocks: [
      { paragraph: `TaskForce Integration har afsluttet opgaven »${a.title}« for ${a.requesterDepartment}.` },
      { paragraph: 'Fortæl os med ét klik, om du er tilfreds. Svaret hjælper os med at følge op på handlingsplanen.' },
    ],
    action: { label: 'Besvar undersøgelsen', url },
  };
}
