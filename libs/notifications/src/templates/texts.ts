import { Language, parseLanguage } from '@mangfold/common';
import { ACCOUNT_TEXTS, type AccountTexts } from './account-texts';
import type { FooterTexts } from './layout';
import { ORGANISER_TEXTS, type OrganiserTexts } from './organiser-texts';
import { PARTICIPANT_TEXTS, type ParticipantTexts } from './participant-texts';
import { REGISTRANT_TEXTS, type RegistrantTexts } from './registrant-texts';

export type { AccountTexts } from './account-texts';
export type { OrganiserTexts } from './organiser-texts';
export type { ParticipantTexts } from './participant-texts';
export type { RegistrantTexts } from './registrant-texts';
export {
  relativeOffset,
  type AssociationView,
  type EventView,
  type OrganiserEventView,
  type ParticipationView,
  type RegistrationView,
} from './text-kit';

/** What every mail in one language shares: the footer and the name of the calendar file. */
interface CommonTexts {
  footer: Omit<FooterTexts, 'privacyUrl'>;
  calendarName: string;
}

/** Every subject and text the product mails, in one language; each audience's texts live in a file of their own. */
export type Texts = CommonTexts & RegistrantTexts & AccountTexts & OrganiserTexts & ParticipantTexts;

const COMMON: Record<Language, CommonTexts> = {
  da: {
    footer: {
      city: 'Københavns Kommune',
      product: 'Mangfoldighedskalenderen',
      privacyLabel: 'Sådan behandler vi dine oplysninger',
      manageLabel: 'Administrér din tilmelding',
      automatic: 'Denne mail er sendt automatisk; svar på den bliver ikke læst.',
    },
    calendarName: 'Mangfoldighedskalenderen',
  },
  en: {
    footer: {
      city: 'City of Copenhagen',
      product: 'The Diversity Calendar (Mangfoldighedskalenderen)',
      privacyLabel: 'How we handle your data',
      manageLabel: 'Manage your registration',
      automatic: 'This mail was sent automatically; replies are not read.',
    },
    calendarName: 'The Diversity Calendar',
  },
};

const TEXTS: Record<Language, Texts> = {
  da: { ...COMMON.da, ...REGISTRANT_TEXTS.da, ...ACCOUNT_TEXTS.da, ...ORGANISER_TEXTS.da, ...PARTICIPANT_TEXTS.da },
  en: { ...COMMON.en, ...REGISTRANT_TEXTS.en, ...ACCOUNT_TEXTS.en, ...ORGANISER_TEXTS.en, ...PARTICIPANT_TEXTS.en },
};

/** The texts in the recipient's language; anything but English gets Danish, the city's language. */
export function textsFor(locale: string | null | undefined): { locale: Language; texts: Texts } {
  const language = parseLanguage(locale) ?? Language.DA;
  return { locale: language, texts: TEXTS[language] };
}
