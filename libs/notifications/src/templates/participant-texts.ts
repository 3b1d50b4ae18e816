import type { Language } from '@mangfold/common';
import type { MailContent } from './layout';
import { eventDetails, HELLO, LABELS, type ParticipationView } from './text-kit';

/** Mails to the contact person of an International Day participation. */
export interface ParticipantTexts {
  participationReceived(v: ParticipationView): MailContent;
  participationConfirmed(v: ParticipationView): MailContent;
  participationWaitlisted(v: ParticipationView): MailContent;
  participationDeclined(v: ParticipationView & { reason: string }): MailContent;
}

const daLabels = LABELS.da;
const daHello = HELLO.da;

const da: ParticipantTexts = {
  participationReceived: (v) => ({
    subject: `Modtaget: jeres tilmelding til International Dag ${v.year}`,
    greeting: daHello(v.recipientName),
    blocks: [
      {
        paragraph: `Tak for tilmeldingen af ${v.organisation} til International Dag ${v.year}. Vi behandler den og skriver til jer, når den er bekræftet.`,
      },
      eventDetails(daLabels, v.event, [[daLabels.activities, v.activities]]),
    ],
  }),
  participationConfirmed: (v) => ({
    subject: `Bekræftet: International Dag ${v.year}`,
    greeting: daHello(v.recipientName),
    blocks: [
      { paragraph: `${v.organisation} er bekræftet som deltager i International Dag ${v.year}. Vi glæder os til at se jer.` },
      eventDetails(daLabels, v.event, [[daLabels.activities, v.activities]]),
      ...(v.practicalInfo ? [{ paragraph: v.practicalInfo }] : []),
    ],
  }),
  participationWaitlisted: (v) => ({
    subject: `Venteliste: International Dag ${v.year}`,
    greeting: daHello(v.recipientName),
    blocks: [
      {
        paragraph: `Alle stande til International Dag ${v.year} er optaget, så ${v.organisation} står på ventelisten. Bliver der en stand ledig, skriver vi til jer.`,
      },
      eventDetails(daLabels, v.event, [[daLabels.activities, v.activities]]),
    ],
  }),
  participationDeclined: (v) => ({
    subject: `Jeres tilmelding til International Dag ${v.year}`,
    greeting: daHello(v.recipientName),
    blocks: [
      { paragraph: `Vi kan desværre ikke give plads til ${v.organisation} ved International Dag ${v.year}.` },
      { details: [[daLabels.reason, v.reason]] },
    ],
  }),
};

const enLabels = LABELS.en;
const enHello = HELLO.en;

const en: ParticipantTexts = {
  participationReceived: (v) => ({
    subject: `Received: your registration for International Day ${v.year}`,
    greeting: enHello(v.recipientName),
    blocks: [
      {
        paragraph: `Thank you for registering ${v.organisation} for International Day ${v.year}. We will review it and write to you once it is confirmed.`,
      },
      eventDetails(enLabels, v.event, [[enLabels.activities, v.activities]]),
    ],
  }),
  participationConfirmed: (v) => ({
    subject: `Confirmed: International Day ${v.year}`,
    greeting: enHello(v.recipientName),
    blocks: [
      { paragraph: `${v.organisation} is confirmed as a participant in International Day ${v.year}. We look forward to seeing you.` },
      eventDetails(enLabels, v.event, [[enLabels.activities, v.activities]]),
      ...(v.practicalInfo ? [{ paragraph: v.practicalInfo }] : []),
    ],
  }),
  participationWaitlisted: (v) => ({
    subject: `Waiting list: International Day ${v.year}`,
    greeting: enHello(v.recipientName),
    blocks: [
      {
        paragraph: `All stands for International Day ${v.year} are taken, so ${v.organisation} is on the waiting list. If a stand becomes free, we will write to you.`,
      },
      eventDetails(enLabels, v.event, [[enLabels.activities, v.activities]]),
    ],
  }),
  participationDeclined: (v) => ({
    subject: `Your registration for International Day ${v.year}`,
    greeting: enHello(v.recipientName),
    blocks: [
      { paragraph: `We are sorry, we cannot make room for ${v.organisation} at International Day ${v.year}.` },
      { details: [[enLabels.reason, v.reason]] },
    ],
  }),
};

export const PARTICIPANT_TEXTS: Record<Language, ParticipantTexts> = { da, en };
