import type { Language } from '@mangfold/common';
import type { MailContent } from './layout';
import type { CancelledBy } from '@mangfold/registrations';
import { eventDetails, HELLO, LABELS, paragraphsOf, relativeOffset, type RegistrationView } from './text-kit';

/** Mails to one registrant about their registration and its event. */
export interface RegistrantTexts {
  registrationConfirmed(v: RegistrationView): MailContent;
  registrationWaitlisted(v: RegistrationView): MailContent;
  registrationPromoted(v: RegistrationView): MailContent;
  registrationCancelled(v: RegistrationView & { by: CancelledBy }): MailContent;
  eventMoved(v: RegistrationView): MailContent;
  eventCancelled(v: RegistrationView & { reason: string }): MailContent;
  reminder(v: RegistrationView & { offsetMinutes: number }): MailContent;
  feedbackRequest(v: RegistrationView & { feedbackUrl: string }): MailContent;
  /** An organiser's own words to everyone registered; `message` is plain text. */
  registrantsMessage(v: RegistrationView & { association: string; subject: string; message: string }): MailContent;
}

const daLabels = LABELS.da;
const daHello = HELLO.da;
const daManage = 'Se eller afmeld din tilmelding';

const da: RegistrantTexts = {
  registrationConfirmed: (v) => ({
    subject: `Bekræftelse: ${v.event.title}`,
    greeting: daHello(v.name),
    blocks: [
      {
        paragraph: `Tak for din tilmelding. Du har fået ${v.partySize === 1 ? 'en plads' : `${v.partySize} pladser`} til ${v.event.title}.`,
      },
      eventDetails(daLabels, v.event, [[daLabels.seats, String(v.partySize)]]),
      { paragraph: 'Den vedhæftede kalenderfil lægger arrangementet i din kalender. Vi minder dig om det, når det nærmer sig.' },
      { paragraph: 'Kan du ikke komme alligevel, så afmeld dig via linket herunder, så en anden kan få pladsen.' },
    ],
    action: { label: daManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  registrationWaitlisted: (v) => ({
    subject: `Venteliste: ${v.event.title}`,
    greeting: daHello(v.name),
    blocks: [
      {
        paragraph: `${v.event.title} er fuldt booket, så du står på ventelisten. Bliver der en plads ledig, får du den automatisk, og vi skriver til dig.`,
      },
      eventDetails(daLabels, v.event, [[daLabels.seats, String(v.partySize)]]),
    ],
    action: { label: daManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  registrationPromoted: (v) => ({
    subject: `Du har fået en plads: ${v.event.title}`,
    greeting: daHello(v.name),
    blocks: [
      { paragraph: `Der er blevet en plads ledig, og du er nu tilmeldt ${v.event.title}.` },
      eventDetails(daLabels, v.event, [[daLabels.seats, String(v.partySize)]]),
      {
        paragraph:
          'Den vedhæftede kalenderfil lægger arrangementet i din kalender. Kan du ikke komme, så afmeld dig, så en anden kan få pladsen.',
      },
    ],
    action: { label: daManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  registrationCancelled: (v) => ({
    subject: `Afmeldt: ${v.event.title}`,
    greeting: daHello(v.name),
    blocks: [
      {
        paragraph:
          v.by === 'REGISTRANT'
            ? `Din tilmelding til ${v.event.title} er afmeldt. Tak fordi du gav pladsen videre.`
            : `Arrangøren har annulleret din tilmelding til ${v.event.title}. Har du spørgsmål, så kontakt arrangøren.`,
      },
      eventDetails(daLabels, v.event),
    ],
    manageUrl: v.manageUrl,
  }),
  eventMoved: (v) => ({
    subject: `Ny tid eller nyt sted: ${v.event.title}`,
    greeting: daHello(v.name),
    blocks: [
      {
        paragraph: `Arrangøren har ændret tid eller sted for ${v.event.title}. Din tilmelding gælder stadig. Her er de nye oplysninger:`,
      },
      eventDetails(daLabels, v.event),
      {
        paragraph:
          'Den vedhæftede kalenderfil opdaterer arrangementet i din kalender. Passer det nye tidspunkt ikke, så afmeld dig, så en anden kan få pladsen.',
      },
    ],
    action: { label: daManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  eventCancelled: (v) => ({
    subject: `Aflyst: ${v.event.title}`,
    greeting: daHello(v.name),
    blocks: [
      { paragraph: `Vi må desværre fortælle, at ${v.event.title} er aflyst. Din tilmelding er derfor annulleret.` },
      eventDetails(daLabels, v.event, [[daLabels.reason, v.reason]]),
    ],
    manageUrl: v.manageUrl,
  }),
  reminder: (v) => ({
    subject: `Påmindelse: ${v.event.title} ${relativeOffset('da', v.offsetMinutes)}`,
    greeting: daHello(v.name),
    blocks: [
      { paragraph: `Vi minder dig om, at du er tilmeldt ${v.event.title}, som finder sted ${relativeOffset('da', v.offsetMinutes)}.` },
      eventDetails(daLabels, v.event, [[daLabels.seats, String(v.partySize)]]),
      { paragraph: 'Kan du ikke komme alligevel, så afmeld dig, så en anden kan få pladsen.' },
    ],
    action: { label: daManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  feedbackRequest: (v) => ({
    subject: `Hvordan var ${v.event.title}?`,
    greeting: daHello(v.name),
    blocks: [
      {
        paragraph: `Tak fordi du deltog i ${v.event.title}. Vil du bruge et minut på at fortælle, hvordan det var? Dine svar hjælper foreningerne og kommunen med at gøre arrangementerne bedre.`,
      },
    ],
    action: { label: 'Giv din mening til kende', url: v.feedbackUrl },
    manageUrl: v.manageUrl,
  }),
  registrantsMessage: (v) => ({
    subject: `${v.subject} (${v.event.title})`,
    greeting: daHello(v.name),
    blocks: [
      { paragraph: `${v.association || 'Arrangøren'} skriver til alle, der er tilmeldt ${v.event.title}:` },
      ...paragraphsOf(v.message),
      eventDetails(daLabels, v.event),
      {
        paragraph:
          'Du får denne mail, fordi du er tilmeldt arrangementet. Svar på den bliver ikke læst; kontakt arrangøren, hvis du har spørgsmål.',
      },
    ],
    action: { label: daManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
};

const enLabels = LABELS.en;
const enHello = HELLO.en;
const enManage = 'View or cancel your registration';

const en: RegistrantTexts = {
  registrationConfirmed: (v) => ({
    subject: `Confirmed: ${v.event.title}`,
    greeting: enHello(v.name),
    blocks: [
      { paragraph: `Thank you for registering. You have ${v.partySize === 1 ? 'a seat' : `${v.partySize} seats`} at ${v.event.title}.` },
      eventDetails(enLabels, v.event, [[enLabels.seats, String(v.partySize)]]),
      { paragraph: 'The attached calendar file adds the event to your calendar. We will remind you as it gets closer.' },
      { paragraph: 'If you cannot come after all, please cancel with the link below so someone else can have the seat.' },
    ],
    action: { label: enManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  registrationWaitlisted: (v) => ({
    subject: `Waiting list: ${v.event.title}`,
    greeting: enHello(v.name),
    blocks: [
      {
        paragraph: `${v.event.title} is fully booked, so you are on the waiting list. If a seat becomes free, it is yours automatically and we will write to you.`,
      },
      eventDetails(enLabels, v.event, [[enLabels.seats, String(v.partySize)]]),
    ],
    action: { label: enManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  registrationPromoted: (v) => ({
    subject: `You have a seat: ${v.event.title}`,
    greeting: enHello(v.name),
    blocks: [
      { paragraph: `A seat has become free and you are now registered for ${v.event.title}.` },
      eventDetails(enLabels, v.event, [[enLabels.seats, String(v.partySize)]]),
      {
        paragraph:
          'The attached calendar file adds the event to your calendar. If you cannot come, please cancel so someone else can have the seat.',
      },
    ],
    action: { label: enManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  registrationCancelled: (v) => ({
    subject: `Cancelled: ${v.event.title}`,
    greeting: enHello(v.name),
    blocks: [
      {
        paragraph:
          v.by === 'REGISTRANT'
            ? `Your registration for ${v.event.title} is cancelled. Thank you for passing the seat on.`
            : `The organiser has cancelled your registration for ${v.event.title}. If you have questions, please contact the organiser.`,
      },
      eventDetails(enLabels, v.event),
    ],
    manageUrl: v.manageUrl,
  }),
  eventMoved: (v) => ({
    subject: `New time or place: ${v.event.title}`,
    greeting: enHello(v.name),
    blocks: [
      {
        paragraph: `The organiser has changed the time or place of ${v.event.title}. Your registration still stands. Here are the new details:`,
      },
      eventDetails(enLabels, v.event),
      {
        paragraph:
          'The attached calendar file updates the event in your calendar. If the new time does not suit you, please cancel so someone else can have the seat.',
      },
    ],
    action: { label: enManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  eventCancelled: (v) => ({
    subject: `Event cancelled: ${v.event.title}`,
    greeting: enHello(v.name),
    blocks: [
      { paragraph: `We are sorry to tell you that ${v.event.title} has been cancelled, and so has your registration.` },
      eventDetails(enLabels, v.event, [[enLabels.reason, v.reason]]),
    ],
    manageUrl: v.manageUrl,
  }),
  reminder: (v) => ({
    subject: `Reminder: ${v.event.title} ${relativeOffset('en', v.offsetMinutes)}`,
    greeting: enHello(v.name),
    blocks: [
      { paragraph: `A reminder that you are registered for ${v.event.title}, taking place ${relativeOffset('en', v.offsetMinutes)}.` },
      eventDetails(enLabels, v.event, [[enLabels.seats, String(v.partySize)]]),
      { paragraph: 'If you cannot come after all, please cancel so someone else can have the seat.' },
    ],
    action: { label: enManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
  feedbackRequest: (v) => ({
    subject: `How was ${v.event.title}?`,
    greeting: enHello(v.name),
    blocks: [
      {
        paragraph: `Thank you for taking part in ${v.event.title}. Would you spend a minute telling us how it was? Your answers help the associations and the city make the events better.`,
      },
    ],
    action: { label: 'Give your feedback', url: v.feedbackUrl },
    manageUrl: v.manageUrl,
  }),
  registrantsMessage: (v) => ({
    subject: `${v.subject} (${v.event.title})`,
    greeting: enHello(v.name),
    blocks: [
      { paragraph: `${v.association || 'The organiser'} writes to everyone registered for ${v.event.title}:` },
      ...paragraphsOf(v.message),
      eventDetails(enLabels, v.event),
      {
        paragraph:
          'You get this mail because you are registered for the event. Replies are not read; contact the organiser if you have questions.',
      },
    ],
    action: { label: enManage, url: v.manageUrl },
    manageUrl: v.manageUrl,
  }),
};

export const REGISTRANT_TEXTS: Record<Language, RegistrantTexts> = { da, en };
