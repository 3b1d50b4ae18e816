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

const da: ParticipantTexts = (() => {
  const labels = LABELS.da;
  const hello = HELLO.da;
  return {
    participationReceived: (v) => ({
      subject: `Modtaget: jeres tilmelding til International Dag ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        {
          paragraph: `Tak for tilmeldingen af ${v.organisation} til International Dag ${v.year}. Vi behandler den og skriver til jer, når den er bekræftet.`,
        },
        eventDetails(labels, v.event, [[labels.activities, v.activities]]),
      ],
    }),
    participationConfirmed: (v) => ({
      subject: `Bekræftet: International Dag ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `${v.organisation} er bekræftet som deltager i International Dag ${v.year}. Vi glæder os til at se jer.` },
        eventDetails(labels, v.event, [[labels.activities, v.activities]]),
        ...(v.practicalInfo ? [{ paragraph: v.practicalInfo }] : []),
      ],
    }),
    participationWaitlisted: (v) => ({
      subject: `Venteliste: International Dag ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        {
          paragraph: `Alle stande til International Dag ${v.year} er optaget, så ${v.organisation} står på ventelisten. Bliver der en stand ledig, skriver vi til jer.`,
        },
        eventDetails(labels, v.event, [[labels.activities, v.activities]]),
      ],
    }),
    participationDeclined: (v) => ({
      subject: `Jeres tilmelding til International Dag ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `Vi kan desværre ikke give plads til ${v.organisation} ved International Dag ${v.year}.` },
        { details: [[labels.reason, v.reason]] },
      ],
    }),
  };
})();

const en: ParticipantTexts = (() => {
  const labels = LABELS.en;
  const hello = HELLO.en;
  return {
    participationReceived: (v) => ({
      subject: `Received: your registration for International Day ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        {
          paragraph: `Thank you for registering ${v.organisation} for International Day ${v.year}. We will review it and write to you once it is confirmed.`,
        },
        eventDetails(labels, v.event, [[labels.activities, v.activities]]),
      ],
    }),
    participationConfirmed: (v) => ({
      subject: `Confirmed: International Day ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `${v.organisation} is confirmed as a participant in International Day ${v.year}. We look forward to seeing you.` },
        eventDetails(labels, v.event, [[labels.activities, v.activities]]),
        ...(v.practicalInfo ? [{ paragraph: v.practicalInfo }] : []),
      ],
    }),
    participationWaitlisted: (v) => ({
      subject: `Waiting list: International Day ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        {
          paragraph: `All stands for International Day ${v.year} are taken, so ${v.organisation} is on the waiting list. If a stand becomes free, we will write to you.`,
        },
        eventDetails(labels, v.event, [[labels.activities, v.activities]]),
      ],
    }),
    participationDeclined: (v) => ({
      subject: `Your registration for International Day ${v.year}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `We are sorry, we cannot make room for ${v.organisation} at International Day ${v.year}.` },
        { details: [[labels.reason, v.reason]] },
      ],
    }),
  };
})();

export const PARTICIPANT_TEXTS: Record<Language, ParticipantTexts> = { da, en };
