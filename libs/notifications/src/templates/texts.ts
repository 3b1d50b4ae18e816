import { Language, parseLanguage } from '@mangfold/common';
import type { CancelledBy } from '@mangfold/registrations';
import type { Block, FooterTexts, MailContent } from './layout';

/** An event as a mail shows it, already in the recipient's language and the event's time zone. */
export interface EventView {
  title: string;
  when: string;
  where: string | null;
  url: string;
}

export interface RegistrationView {
  name: string | null;
  event: EventView;
  partySize: number;
  manageUrl: string;
}

export interface AssociationView {
  recipientName: string | null;
  association: string;
  loginUrl: string;
}

export interface OrganizerEventView {
  recipientName: string | null;
  association: string;
  event: EventView;
  actionUrl: string;
}

export interface ParticipationView {
  recipientName: string | null;
  organisation: string;
  year: number;
  event: EventView;
  activities: string;
  practicalInfo: string | null;
}

/** Every subject and text the product mails, in one language. */
export interface Texts {
  footer: Omit<FooterTexts, 'privacyUrl'>;
  calendarName: string;
  registrationConfirmed(v: RegistrationView): MailContent;
  registrationWaitlisted(v: RegistrationView): MailContent;
  registrationPromoted(v: RegistrationView): MailContent;
  registrationCancelled(v: RegistrationView & { by: CancelledBy }): MailContent;
  eventMoved(v: RegistrationView): MailContent;
  eventCancelled(v: RegistrationView & { reason: string }): MailContent;
  reminder(v: RegistrationView & { offsetMinutes: number }): MailContent;
  feedbackRequest(v: RegistrationView & { feedbackUrl: string }): MailContent;
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
  eventSubmitted(v: OrganizerEventView): MailContent;
  eventPublished(v: OrganizerEventView): MailContent;
  eventRejected(v: OrganizerEventView & { reason: string }): MailContent;
  coOrganizerInvited(v: OrganizerEventView & { inviter: string }): MailContent;
  participationReceived(v: ParticipationView): MailContent;
  participationConfirmed(v: ParticipationView): MailContent;
  participationWaitlisted(v: ParticipationView): MailContent;
  participationDeclined(v: ParticipationView & { reason: string }): MailContent;
}

function eventDetails(labels: { what: string; when: string; where: string }, event: EventView, extra: [string, string][] = []): Block {
  const rows: [string, string][] = [
    [labels.what, event.title],
    [labels.when, event.when],
  ];
  if (event.where) rows.push([labels.where, event.where]);
  return { details: [...rows, ...extra] };
}

/** "in 7 days", "tomorrow", "in 2 hours": how far ahead a reminder is, from its offset. */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

export function relativeOffset(locale: string, offsetMinutes: number): string {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  if (offsetMinutes >= 1440 && offsetMinutes % 1440 === 0) return format.format(offsetMinutes / 1440, 'day');
  if (offsetMinutes >= 60 && offsetMinutes % 60 === 0) return format.format(offsetMinutes / 60, 'hour');
  return format.format(offsetMinutes, 'minute');
}

const da: Texts = (() => {
  const labels = {
    what: 'Arrangement',
    when: 'Tidspunkt',
    where: 'Sted',
    seats: 'Pladser',
    reason: 'Begrundelse',
    activities: 'Aktiviteter',
  };
  const hello = (name: string | null) => (name ? `Kære ${name}` : 'Hej');
  const manage = 'Se eller afmeld din tilmelding';
  return {
    footer: {
      city: 'Københavns Kommune',
      product: 'Mangfoldighedskalenderen',
      privacyLabel: 'Sådan behandler vi dine oplysninger',
      manageLabel: 'Administrér din tilmelding',
      automatic: 'Denne mail er sendt automatisk; svar på den bliver ikke læst.',
    },
    calendarName: 'Mangfoldighedskalenderen',
    registrationConfirmed: (v) => ({
      subject: `Bekræftelse: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph: `Tak for din tilmelding. Du har fået ${v.partySize === 1 ? 'en plads' : `${v.partySize} pladser`} til ${v.event.title}.`,
        },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
        { paragraph: 'Den vedhæftede kalenderfil lægger arrangementet i din kalender. Vi minder dig om det, når det nærmer sig.' },
        { paragraph: 'Kan du ikke komme alligevel, så afmeld dig via linket herunder, så en anden kan få pladsen.' },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    registrationWaitlisted: (v) => ({
      subject: `Venteliste: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph: `${v.event.title} er fuldt booket, så du står på ventelisten. Bliver der en plads ledig, får du den automatisk, og vi skriver til dig.`,
        },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    registrationPromoted: (v) => ({
      subject: `Du har fået en plads: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        { paragraph: `Der er blevet en plads ledig, og du er nu tilmeldt ${v.event.title}.` },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
        {
          paragraph:
            'Den vedhæftede kalenderfil lægger arrangementet i din kalender. Kan du ikke komme, så afmeld dig, så en anden kan få pladsen.',
        },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    registrationCancelled: (v) => ({
      subject: `Afmeldt: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph:
            v.by === 'REGISTRANT'
              ? `Din tilmelding til ${v.event.title} er afmeldt. Tak fordi du gav pladsen videre.`
              : `Arrangøren har annulleret din tilmelding til ${v.event.title}. Har du spørgsmål, så kontakt arrangøren.`,
        },
        eventDetails(labels, v.event),
      ],
      manageUrl: v.manageUrl,
    }),
    eventMoved: (v) => ({
      subject: `Ny tid eller nyt sted: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph: `Arrangøren har ændret tid eller sted for ${v.event.title}. Din tilmelding gælder stadig. Her er de nye oplysninger:`,
        },
        eventDetails(labels, v.event),
        {
          paragraph:
            'Den vedhæftede kalenderfil opdaterer arrangementet i din kalender. Passer det nye tidspunkt ikke, så afmeld dig, så en anden kan få pladsen.',
        },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    eventCancelled: (v) => ({
      subject: `Aflyst: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        { paragraph: `Vi må desværre fortælle, at ${v.event.title} er aflyst. Din tilmelding er derfor annulleret.` },
        eventDetails(labels, v.event, [[labels.reason, v.reason]]),
      ],
      manageUrl: v.manageUrl,
    }),
    reminder: (v) => ({
      subject: `Påmindelse: ${v.event.title} ${relativeOffset('da', v.offsetMinutes)}`,
      greeting: hello(v.name),
      blocks: [
        { paragraph: `Vi minder dig om, at du er tilmeldt ${v.event.title}, som finder sted ${relativeOffset('da', v.offsetMinutes)}.` },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
        { paragraph: 'Kan du ikke komme alligevel, så afmeld dig, så en anden kan få pladsen.' },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    feedbackRequest: (v) => ({
      subject: `Hvordan var ${v.event.title}?`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph: `Tak fordi du deltog i ${v.event.title}. Vil du bruge et minut på at fortælle, hvordan det var? Dine svar hjælper foreningerne og kommunen med at gøre arrangementerne bedre.`,
        },
      ],
      action: { label: 'Giv din mening til kende', url: v.feedbackUrl },
      manageUrl: v.manageUrl,
    }),
    associationApproved: (v) => ({
      subject: `${v.association} er godkendt i Mangfoldighedskalenderen`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `${v.association} er nu godkendt. I kan oprette arrangementer og sende dem til offentliggørelse i kalenderen.` },
      ],
      action: { label: 'Log ind', url: v.loginUrl },
    }),
    associationRejected: (v) => ({
      subject: `${v.association} er ikke godkendt`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `Vi har desværre ikke kunnet godkende ${v.association} i Mangfoldighedskalenderen.` },
        { details: [[labels.reason, v.reason]] },
        { paragraph: 'Har I spørgsmål, eller kan I rette det, der mangler, er I velkomne til at kontakte os.' },
      ],
    }),
    memberAdded: (v) => ({
      subject: `Du er tilføjet til ${v.association}`,
      greeting: hello(v.recipientName),
      blocks: [
        {
          paragraph: `Du er blevet tilføjet som medlem af ${v.association} i Mangfoldighedskalenderen og kan nu redigere foreningens oplysninger og arrangementer.`,
        },
      ],
      action: { label: 'Log ind', url: v.loginUrl },
    }),
    passwordReset: (v) => ({
      subject: 'Nulstil din adgangskode',
      greeting: hello(v.recipientName),
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
      greeting: hello(v.recipientName),
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
    eventSubmitted: (v) => ({
      subject: `Til godkendelse: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [{ paragraph: `${v.association} har sendt et arrangement til godkendelse.` }, eventDetails(labels, v.event)],
      action: { label: 'Se arrangementet', url: v.actionUrl },
    }),
    eventPublished: (v) => ({
      subject: `Offentliggjort: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [{ paragraph: `${v.event.title} er godkendt og står nu i Mangfoldighedskalenderen.` }, eventDetails(labels, v.event)],
      action: { label: 'Se arrangementet', url: v.actionUrl },
    }),
    eventRejected: (v) => ({
      subject: `Ikke godkendt: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `${v.event.title} er desværre ikke godkendt til kalenderen.` },
        eventDetails(labels, v.event, [[labels.reason, v.reason]]),
        { paragraph: 'I kan rette arrangementet og sende det igen.' },
      ],
      action: { label: 'Se arrangementet', url: v.actionUrl },
    }),
    coOrganizerInvited: (v) => ({
      subject: `Invitation som medarrangør: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [
        {
          paragraph: `${v.inviter} har inviteret ${v.association} til at være medarrangør af ${v.event.title}. Log ind for at svare på invitationen.`,
        },
        eventDetails(labels, v.event),
      ],
      action: { label: 'Svar på invitationen', url: v.actionUrl },
    }),
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

const en: Texts = (() => {
  const labels = { what: 'Event', when: 'When', where: 'Where', seats: 'Seats', reason: 'Reason', activities: 'Activities' };
  const hello = (name: string | null) => (name ? `Dear ${name}` : 'Hello');
  const manage = 'View or cancel your registration';
  return {
    footer: {
      city: 'City of Copenhagen',
      product: 'The Diversity Calendar (Mangfoldighedskalenderen)',
      privacyLabel: 'How we handle your data',
      manageLabel: 'Manage your registration',
      automatic: 'This mail was sent automatically; replies are not read.',
    },
    calendarName: 'The Diversity Calendar',
    registrationConfirmed: (v) => ({
      subject: `Confirmed: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        { paragraph: `Thank you for registering. You have ${v.partySize === 1 ? 'a seat' : `${v.partySize} seats`} at ${v.event.title}.` },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
        { paragraph: 'The attached calendar file adds the event to your calendar. We will remind you as it gets closer.' },
        { paragraph: 'If you cannot come after all, please cancel with the link below so someone else can have the seat.' },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    registrationWaitlisted: (v) => ({
      subject: `Waiting list: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph: `${v.event.title} is fully booked, so you are on the waiting list. If a seat becomes free, it is yours automatically and we will write to you.`,
        },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    registrationPromoted: (v) => ({
      subject: `You have a seat: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        { paragraph: `A seat has become free and you are now registered for ${v.event.title}.` },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
        {
          paragraph:
            'The attached calendar file adds the event to your calendar. If you cannot come, please cancel so someone else can have the seat.',
        },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    registrationCancelled: (v) => ({
      subject: `Cancelled: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph:
            v.by === 'REGISTRANT'
              ? `Your registration for ${v.event.title} is cancelled. Thank you for passing the seat on.`
              : `The organiser has cancelled your registration for ${v.event.title}. If you have questions, please contact the organiser.`,
        },
        eventDetails(labels, v.event),
      ],
      manageUrl: v.manageUrl,
    }),
    eventMoved: (v) => ({
      subject: `New time or place: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph: `The organiser has changed the time or place of ${v.event.title}. Your registration still stands. Here are the new details:`,
        },
        eventDetails(labels, v.event),
        {
          paragraph:
            'The attached calendar file updates the event in your calendar. If the new time does not suit you, please cancel so someone else can have the seat.',
        },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    eventCancelled: (v) => ({
      subject: `Event cancelled: ${v.event.title}`,
      greeting: hello(v.name),
      blocks: [
        { paragraph: `We are sorry to tell you that ${v.event.title} has been cancelled, and so has your registration.` },
        eventDetails(labels, v.event, [[labels.reason, v.reason]]),
      ],
      manageUrl: v.manageUrl,
    }),
    reminder: (v) => ({
      subject: `Reminder: ${v.event.title} ${relativeOffset('en', v.offsetMinutes)}`,
      greeting: hello(v.name),
      blocks: [
        { paragraph: `A reminder that you are registered for ${v.event.title}, taking place ${relativeOffset('en', v.offsetMinutes)}.` },
        eventDetails(labels, v.event, [[labels.seats, String(v.partySize)]]),
        { paragraph: 'If you cannot come after all, please cancel so someone else can have the seat.' },
      ],
      action: { label: manage, url: v.manageUrl },
      manageUrl: v.manageUrl,
    }),
    feedbackRequest: (v) => ({
      subject: `How was ${v.event.title}?`,
      greeting: hello(v.name),
      blocks: [
        {
          paragraph: `Thank you for taking part in ${v.event.title}. Would you spend a minute telling us how it was? Your answers help the associations and the city make the events better.`,
        },
      ],
      action: { label: 'Give your feedback', url: v.feedbackUrl },
      manageUrl: v.manageUrl,
    }),
    associationApproved: (v) => ({
      subject: `${v.association} is approved in the Diversity Calendar`,
      greeting: hello(v.recipientName),
      blocks: [{ paragraph: `${v.association} is now approved. You can create events and submit them for publication in the calendar.` }],
      action: { label: 'Log in', url: v.loginUrl },
    }),
    associationRejected: (v) => ({
      subject: `${v.association} was not approved`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `We are sorry, we could not approve ${v.association} in the Diversity Calendar.` },
        { details: [[labels.reason, v.reason]] },
        { paragraph: 'If you have questions, or can supply what is missing, you are welcome to contact us.' },
      ],
    }),
    memberAdded: (v) => ({
      subject: `You were added to ${v.association}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `You were added as a member of ${v.association} in the Diversity Calendar and can now edit its details and events.` },
      ],
      action: { label: 'Log in', url: v.loginUrl },
    }),
    passwordReset: (v) => ({
      subject: 'Reset your password',
      greeting: hello(v.recipientName),
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
      greeting: hello(v.recipientName),
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
    eventSubmitted: (v) => ({
      subject: `For approval: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [{ paragraph: `${v.association} has submitted an event for approval.` }, eventDetails(labels, v.event)],
      action: { label: 'See the event', url: v.actionUrl },
    }),
    eventPublished: (v) => ({
      subject: `Published: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [{ paragraph: `${v.event.title} is approved and now in the Diversity Calendar.` }, eventDetails(labels, v.event)],
      action: { label: 'See the event', url: v.actionUrl },
    }),
    eventRejected: (v) => ({
      subject: `Not approved: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `We are sorry, ${v.event.title} was not approved for the calendar.` },
        eventDetails(labels, v.event, [[labels.reason, v.reason]]),
        { paragraph: 'You can change the event and submit it again.' },
      ],
      action: { label: 'See the event', url: v.actionUrl },
    }),
    coOrganizerInvited: (v) => ({
      subject: `Invitation to co-organise: ${v.event.title}`,
      greeting: hello(v.recipientName),
      blocks: [
        { paragraph: `${v.inviter} has invited ${v.association} to co-organise ${v.event.title}. Log in to answer the invitation.` },
        eventDetails(labels, v.event),
      ],
      action: { label: 'Answer the invitation', url: v.actionUrl },
    }),
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

/** The texts in the recipient's language; anything but English gets Danish, the city's language. */
export function textsFor(locale: string | null | undefined): { locale: Language; texts: Texts } {
  const language = parseLanguage(locale) ?? Language.DA;
  return { locale: language, texts: language === Language.EN ? en : da };
}
