import type { Language } from '@mangfold/common';
import type { MailContent } from './layout';
import { eventDetails, HELLO, LABELS, type OrganiserEventView } from './text-kit';

/** Mails to the members of an event's organising associations (and the admins it is submitted to). */
export interface OrganiserTexts {
  eventSubmitted(v: OrganiserEventView): MailContent;
  eventPublished(v: OrganiserEventView): MailContent;
  eventRejected(v: OrganiserEventView & { reason: string }): MailContent;
  coOrganizerInvited(v: OrganiserEventView & { inviter: string }): MailContent;
}

const daLabels = LABELS.da;
const daHello = HELLO.da;

const da: OrganiserTexts = {
  eventSubmitted: (v) => ({
    subject: `Til godkendelse: ${v.event.title}`,
    greeting: daHello(v.recipientName),
    blocks: [{ paragraph: `${v.association} har sendt et arrangement til godkendelse.` }, eventDetails(daLabels, v.event)],
    action: { label: 'Se arrangementet', url: v.actionUrl },
  }),
  eventPublished: (v) => ({
    subject: `Offentliggjort: ${v.event.title}`,
    greeting: daHello(v.recipientName),
    blocks: [{ paragraph: `${v.event.title} er godkendt og står nu i Mangfoldighedskalenderen.` }, eventDetails(daLabels, v.event)],
    action: { label: 'Se arrangementet', url: v.actionUrl },
  }),
  eventRejected: (v) => ({
    subject: `Ikke godkendt: ${v.event.title}`,
    greeting: daHello(v.recipientName),
    blocks: [
      { paragraph: `${v.event.title} er desværre ikke godkendt til kalenderen.` },
      eventDetails(daLabels, v.event, [[daLabels.reason, v.reason]]),
      { paragraph: 'I kan rette arrangementet og sende det igen.' },
    ],
    action: { label: 'Se arrangementet', url: v.actionUrl },
  }),
  coOrganizerInvited: (v) => ({
    subject: `Invitation som medarrangør: ${v.event.title}`,
    greeting: daHello(v.recipientName),
    blocks: [
      {
        paragraph: `${v.inviter} har inviteret ${v.association} til at være medarrangør af ${v.event.title}. Log ind for at svare på invitationen.`,
      },
      eventDetails(daLabels, v.event),
    ],
    action: { label: 'Svar på invitationen', url: v.actionUrl },
  }),
};

const enLabels = LABELS.en;
const enHello = HELLO.en;

const en: OrganiserTexts = {
  eventSubmitted: (v) => ({
    subject: `For approval: ${v.event.title}`,
    greeting: enHello(v.recipientName),
    blocks: [{ paragraph: `${v.association} has submitted an event for approval.` }, eventDetails(enLabels, v.event)],
    action: { label: 'See the event', url: v.actionUrl },
  }),
  eventPublished: (v) => ({
    subject: `Published: ${v.event.title}`,
    greeting: enHello(v.recipientName),
    blocks: [{ paragraph: `${v.event.title} is approved and now in the Diversity Calendar.` }, eventDetails(enLabels, v.event)],
    action: { label: 'See the event', url: v.actionUrl },
  }),
  eventRejected: (v) => ({
    subject: `Not approved: ${v.event.title}`,
    greeting: enHello(v.recipientName),
    blocks: [
      { paragraph: `We are sorry, ${v.event.title} was not approved for the calendar.` },
      eventDetails(enLabels, v.event, [[enLabels.reason, v.reason]]),
      { paragraph: 'You can change the event and submit it again.' },
    ],
    action: { label: 'See the event', url: v.actionUrl },
  }),
  coOrganizerInvited: (v) => ({
    subject: `Invitation to co-organise: ${v.event.title}`,
    greeting: enHello(v.recipientName),
    blocks: [
      { paragraph: `${v.inviter} has invited ${v.association} to co-organise ${v.event.title}. Log in to answer the invitation.` },
      eventDetails(enLabels, v.event),
    ],
    action: { label: 'Answer the invitation', url: v.actionUrl },
  }),
};

export const ORGANISER_TEXTS: Record<Language, OrganiserTexts> = { da, en };
