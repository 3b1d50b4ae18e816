import type { Language } from '@mangfold/common';
import type { MailContent } from './layout';
import type { AssociationKind } from '@mangfold/associations';
import { HELLO, LABELS, type AssociationView } from './text-kit';

/** Mails to account holders about their account and association, and to TFI's admins about sign-ups. */
export interface AccountTexts {
  associationApproved(v: AssociationView): MailContent;
  associationRejected(v: AssociationView & { reason: string }): MailContent;
  memberAdded(v: AssociationView): MailContent;
  passwordReset(v: { recipientName: string | null; url: string; validMinutes: number }): MailContent;
  signUpExistingAccount(v: {
    recipientName: string | null;
    association: string;
    loginUrl: string;
    resetUrl: string;
    validMinutes: number;
  }): MailContent;
  /** To an admin: a new association waits for approval. */
  associationSignedUp(v: { recipientName: string | null; association: string; kind: AssociationKind; actionUrl: string }): MailContent;
}

/** What an association of each kind is called. */
const KIND: Record<Language, Record<`${AssociationKind}`, string>> = {
  da: {
    ASSOCIATION: 'Forening',
    PROJECT: 'Projekt',
    VOLUNTARY_ORGANISATION: 'Frivillig organisation',
    EMBASSY: 'Ambassade',
    MUNICIPAL_UNIT: 'Kommunal enhed',
    HOUSING_ORGANISATION: 'Afdelingsbestyrelse eller boligselskab',
    OTHER: 'Andet',
  },
  en: {
    ASSOCIATION: 'Association',
    PROJECT: 'Project',
    VOLUNTARY_ORGANISATION: 'Voluntary organisation',
    EMBASSY: 'Embassy',
    MUNICIPAL_UNIT: 'Municipal unit',
    HOUSING_ORGANISATION: "Residents' board or housing association",
    OTHER: 'Other',
  },
};

const daLabels = LABELS.da;
const daHello = HELLO.da;

const da: AccountTexts = {
  associationApproved: (v) => ({
    subject: `${v.association} er godkendt i Mangfoldighedskalenderen`,
    greeting: daHello(v.recipientName),
    blocks: [{ paragraph: `${v.association} er nu godkendt. I kan oprette arrangementer og sende dem til offentliggørelse i kalenderen.` }],
    action: { label: 'Log ind', url: v.loginUrl },
  }),
  associationRejected: (v) => ({
    subject: `${v.association} er ikke godkendt`,
    greeting: daHello(v.recipientName),
    blocks: [
      { paragraph: `Vi har desværre ikke kunnet godkende ${v.association} i Mangfoldighedskalenderen.` },
      { details: [[daLabels.reason, v.reason]] },
      { paragraph: 'Har I spørgsmål, eller kan I rette det, der mangler, er I velkomne til at kontakte os.' },
    ],
  }),
  memberAdded: (v) => ({
    subject: `Du er tilføjet til ${v.association}`,
    greeting: daHello(v.recipientName),
    blocks: [
      {
        paragraph: `Du er blevet tilføjet som medlem af ${v.association} i Mangfoldighedskalenderen og kan nu redigere foreningens oplysninger og arrangementer.`,
      },
    ],
    action: { label: 'Log ind', url: v.loginUrl },
  }),
  passwordReset: (v) => ({
    subject: 'Nulstil din adgangskode',
    greeting: daHello(v.recipientName),
    blocks: [
      {
        paragraph: `Vi har fået en anmodning om at nulstille adgangskoden til din konto. Linket virker i ${v.validMinutes} minutter og kan kun bruges én gang.`,
      },
      { paragraph: 'Har du ikke bedt om det, kan du se bort fra denne mail; din adgangskode er uændret.' },
    ],
    action: { label: 'Vælg en ny adgangskode', url: v.url },
  }),
  signUpExistingAccount: (v) => ({
    subject: 'Du har allerede en konto i Mangfoldighedskalenderen',
    greeting: daHello(v.recipientName),
    blocks: [
      {
        paragraph: `Nogen, måske dig, har forsøgt at tilmelde foreningen "${v.association}" med denne e-mailadresse. Adressen har allerede en konto, så der er ikke oprettet noget.`,
      },
      {
        paragraph:
          'Vil du tilmelde en forening mere, så log ind med din konto og tilmeld den, mens du er logget ind; du behøver ikke angive e-mail og adgangskode igen.',
      },
      {
        paragraph: `Har du glemt din adgangskode, kan du vælge en ny her (linket virker i ${v.validMinutes} minutter og kun én gang): ${v.resetUrl}`,
      },
      { paragraph: 'Var det ikke dig, kan du se bort fra denne mail; din konto er uændret.' },
    ],
    action: { label: 'Log ind', url: v.loginUrl },
  }),
  associationSignedUp: (v) => ({
    subject: `Venter på godkendelse: ${v.association}`,
    greeting: daHello(v.recipientName),
    blocks: [
      { paragraph: `${v.association} har tilmeldt sig Mangfoldighedskalenderen og venter på at blive godkendt.` },
      { details: [[daLabels.kind, KIND.da[v.kind]]] },
    ],
    action: { label: 'Se foreninger, der venter', url: v.actionUrl },
  }),
};

const enLabels = LABELS.en;
const enHello = HELLO.en;

const en: AccountTexts = {
  associationApproved: (v) => ({
    subject: `${v.association} is approved in the Diversity Calendar`,
    greeting: enHello(v.recipientName),
    blocks: [{ paragraph: `${v.association} is now approved. You can create events and submit them for publication in the calendar.` }],
    action: { label: 'Log in', url: v.loginUrl },
  }),
  associationRejected: (v) => ({
    subject: `${v.association} was not approved`,
    greeting: enHello(v.recipientName),
    blocks: [
      { paragraph: `We are sorry, we could not approve ${v.association} in the Diversity Calendar.` },
      { details: [[enLabels.reason, v.reason]] },
      { paragraph: 'If you have questions, or can supply what is missing, you are welcome to contact us.' },
    ],
  }),
  memberAdded: (v) => ({
    subject: `You were added to ${v.association}`,
    greeting: enHello(v.recipientName),
    blocks: [
      { paragraph: `You were added as a member of ${v.association} in the Diversity Calendar and can now edit its details and events.` },
    ],
    action: { label: 'Log in', url: v.loginUrl },
  }),
  passwordReset: (v) => ({
    subject: 'Reset your password',
    greeting: enHello(v.recipientName),
    blocks: [
      {
        paragraph: `We received a request to reset the password of your account. The link works for ${v.validMinutes} minutes and only once.`,
      },
      { paragraph: 'If you did not ask for this, you can ignore this mail; your password has not changed.' },
    ],
    action: { label: 'Choose a new password', url: v.url },
  }),
  signUpExistingAccount: (v) => ({
    subject: 'You already have an account in the Diversity Calendar',
    greeting: enHello(v.recipientName),
    blocks: [
      {
        paragraph: `Someone, perhaps you, tried to sign up the association "${v.association}" with this email address. The address already has an account, so nothing was created.`,
      },
      {
        paragraph:
          'To sign up a further association, log in with your account and sign it up while logged in; you need not give your email and password again.',
      },
      {
        paragraph: `If you forgot your password, choose a new one here (the link works for ${v.validMinutes} minutes and only once): ${v.resetUrl}`,
      },
      { paragraph: 'If this was not you, you can ignore this mail; your account has not changed.' },
    ],
    action: { label: 'Log in', url: v.loginUrl },
  }),
  associationSignedUp: (v) => ({
    subject: `Waiting for approval: ${v.association}`,
    greeting: enHello(v.recipientName),
    blocks: [
      { paragraph: `${v.association} has signed up for the Diversity Calendar and waits for approval.` },
      { details: [[enLabels.kind, KIND.en[v.kind]]] },
    ],
    action: { label: 'See associations waiting', url: v.actionUrl },
  }),
};

export const ACCOUNT_TEXTS: Record<Language, AccountTexts> = { da, en };
