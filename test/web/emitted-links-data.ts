import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role, User } from '@mangfold/auth';
import { type Association, AssociationKind, AssociationStatus } from '@mangfold/associations';
import { Event, EventKind, EventOrganiser, EventStatus, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { enqueue, JobName, type Notification } from '@mangfold/jobs';
import { eventOverAt, textsFor } from '@mangfold/notifications';
import { CancelledBy, InternationalDay, ParticipationStatus, Registration, RegistrationStatus } from '@mangfold/registrations';
import {
  createAssociation,
  createEvent,
  createInternationalDay,
  createParticipation,
  createRegistration,
  createUser,
  TEST_PASSWORD,
} from '../factories';
import { notify } from '../notifications/helpers';
import { dataOf, type TestApp } from '../utils';
import { assignmentInput, COMPLETE, RECORD } from '../workplan/helpers';

/*
 * The data behind the emitted-links test, built once: events that fill every feed, and a trigger
 * for every kind of mail with the people it goes to, in Danish and in English.
 */

export type Lang = 'da' | 'en';

/** Someone a mail goes to; `password` when they have an account, so the portal's links are followed logged in as them. */
export interface Recipient {
  address: string;
  lang: Lang;
  password?: string;
}

/**
 * Every kind of mail (`X-Mangfold-Kind`): each notification, where the per-registrant parts of a
 * fan-out mail under the fan-out's name, and the reminder and feedback jobs.
 */
export type MailKind =
  Exclude<Notification['kind'], 'registrant-event-moved' | 'registrant-event-cancelled'> | 'reminder' | 'feedback-request';

export interface World {
  app: TestApp;
  adminToken: string;
  da: User;
  en: User;
  org: Association;
  guest: Association;
  /** Published, in Valby at Nowruz, organised by `org` with `guest`: in every kind of feed. */
  showcase: Event;
  events: Event[];
  day: InternationalDay;
}

const LANGS: Lang[] = ['da', 'en'];
/** A status report's recipient without an account (REPORT_RECIPIENTS names it beside the admin). */
export const REPORT_COMMITTEE = 'udvalg@kk.example.org';
const inDays = (days: number, hour = 17) =>
  DateTime.now().setZone('Europe/Copenhagen').startOf('day').plus({ days }).set({ hour }).toJSDate();

export async function buildWorld(app: TestApp): Promise<World> {
  const em = app.em();
  const da = await createUser(em, { locale: 'da', name: 'Fatima' });
  const en = await createUser(em, { locale: 'en', name: 'John' });
  await createUser(em, { locale: 'en', role: Role.ADMIN, name: 'TFI in English' });
  const org = await createAssociation(em, { name: 'Kulturforeningen Bro', districtSlug: 'valby', members: [da, en] });
  const guest = await createAssociation(em, { name: 'Brobyggerne', kind: AssociationKind.PROJECT, members: [da, en] });
  const showcase = await createEvent(em, {
    slug: 'nowruz-i-valby',
    title: { da: 'Nowruz i Valby', en: 'Nowruz in Valby' },
    description: { da: '<p>Musik og <b>haft-sin</b>-bord.</p>', en: '<p>Music and a haft-sin table.</p>' },
    organiser: org,
    coOrganisers: [guest],
    districtSlug: 'valby',
    occasionSlug: 'nowruz',
  });
  const events = [
    showcase,
    await createEvent(em, { slug: 'seminar-i-valby', kind: EventKind.SEMINAR, organiser: org, districtSlug: 'valby' }),
    await createEvent(em, { slug: 'netvaerksmoede', kind: EventKind.NETWORK_MEETING, organiser: guest, startsAt: inDays(20) }),
    await createEvent(em, {
      slug: 'ugentlig-cafe',
      organiser: org,
      recurrence: 'FREQ=WEEKLY;COUNT=4',
      startsAt: inDays(3, 18),
      districtSlug: 'valby',
    }),
    await createEvent(em, { slug: 'aflyst-fest', organiser: org, status: EventStatus.CANCELLED, districtSlug: 'valby' }),
  ];
  const day = await createInternationalDay(em, {});
  events.push(day.event);
  return { app, adminToken: await app.adminToken(), da, en, org, guest, showcase, events, day };
}

/** The mail kinds a template exists for: every Texts entry but the shared ones, in kebab case, and the two other libs' mails. */
export function templatedKinds(): string[] {
  const { texts } = textsFor('da');
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const shared = new Set(['footer', 'calendarName']);
  return [
    ...Object.keys(texts)
      .filter((k) => !shared.has(k))
      .map(kebab),
    'status-report',
    'requester-survey',
  ];
}

type Trigger = (w: World) => Promise<Recipient[]>;

const member = (user: User): Recipient => ({ address: user.email, lang: user.locale as Lang, password: TEST_PASSWORD });
const members = (w: World) => [member(w.da), member(w.en)];

/** A registration in each language on `event`, and the registrants they are. */
async function registrants(w: World, event: Event, status = RegistrationStatus.CONFIRMED): Promise<[Registration, Recipient][]> {
  const em = w.app.em();
  const rows: [Registration, Recipient][] = [];
  for (const locale of LANGS) {
    const r = await createRegistration(em, em.getReference(Event, event.id), { status, locale, name: `Gæst ${locale}` });
    rows.push([r, { address: r.email!, lang: locale }]);
  }
  return rows;
}

/** Every TFI admin (the bootstrap one and an English one), who read the portal logged in. */
async function adminRecipients(w: World): Promise<Recipient[]> {
  const admins = await w.app.em().find(User, { role: Role.ADMIN });
  const password = (u: User) => (u.email === w.app.config.auth.adminEmail ? w.app.config.auth.adminPassword! : TEST_PASSWORD);
  return admins.map((u) => ({ address: u.email, lang: u.locale as Lang, password: password(u) }));
}

async function eventOf(w: World, status: EventStatus, data: { startsAt?: Date; endsAt?: Date } = {}): Promise<Event> {
  return createEvent(w.app.em(), { organiser: w.org, status, districtSlug: 'valby', ...data });
}

async function notifyEach(w: World, rows: [Registration, Recipient][], make: (r: Registration) => Notification): Promise<Recipient[]> {
  for (const [r] of rows) await notify(w.app, make(r));
  return rows.map(([, recipient]) => recipient);
}

async function participationMail(w: World, kind: Notification['kind'] & `participation-${string}`, status: ParticipationStatus) {
  const em = w.app.em();
  const recipients: Recipient[] = [];
  for (const user of [w.da, w.en]) {
    const p = await createParticipation(em, em.getReference(InternationalDay, w.day.id), { status });
    p.contactEmail = null;
    p.registeredBy = user.id;
    await em.flush();
    await notify(
      w.app,
      kind === 'participation-declined' ? { kind, participationId: p.id, reason: 'Ingen plads' } : { kind, participationId: p.id },
    );
    recipients.push(member(user));
  }
  return recipients;
}

/** One trigger per kind of mail; `satisfies` makes a kind added to Notification without a trigger here fail typecheck. */
export const TRIGGERS = {
  'association-approved': async (w) => {
    await notify(w.app, { kind: 'association-approved', associationId: w.org.id });
    return members(w);
  },
  'association-rejected': async (w) => {
    const rejected = await createAssociation(w.app.em(), { status: AssociationStatus.REJECTED, members: [w.da, w.en] });
    await notify(w.app, { kind: 'association-rejected', associationId: rejected.id, reason: 'Mangler vedtægter' });
    return members(w);
  },
  'member-added': async (w) => {
    // A new account (the link sets its password) in English, and a known one (the link logs in) in Danish.
    const em = w.app.em();
    const fresh = await createUser(em, { locale: 'en', name: 'New Member' });
    const known = await createUser(em, { locale: 'da', name: 'Kendt Medlem' });
    known.lastLoginAt = new Date();
    const association = await createAssociation(em, { members: [fresh, known] });
    for (const user of [fresh, known]) await notify(w.app, { kind: 'member-added', associationId: association.id, userId: user.id });
    return [member(fresh), member(known)];
  },
  'password-reset': async (w) => {
    for (const user of [w.da, w.en]) await notify(w.app, { kind: 'password-reset', userId: user.id });
    return members(w);
  },
  'sign-up-existing-account': async (w) => {
    for (const user of [w.da, w.en])
      await notify(w.app, { kind: 'sign-up-existing-account', userId: user.id, associationName: 'Endnu en forening' });
    return members(w);
  },
  'event-submitted': async (w) => {
    const event = await eventOf(w, EventStatus.SUBMITTED);
    await notify(w.app, { kind: 'event-submitted', eventId: event.id });
    return adminRecipients(w);
  },
  'event-published': async (w) => {
    const event = await eventOf(w, EventStatus.PUBLISHED);
    await notify(w.app, { kind: 'event-published', eventId: event.id });
    return members(w);
  },
  'event-rejected': async (w) => {
    const event = await eventOf(w, EventStatus.REJECTED);
    await notify(w.app, { kind: 'event-rejected', eventId: event.id, reason: 'Dato mangler' });
    return members(w);
  },
  'co-organizer-invited': async (w) => {
    const em = w.app.em();
    const host = await createAssociation(em, { name: 'Værtsforeningen' });
    const event = await createEvent(em, { organiser: host });
    em.create(EventOrganiser, { event, association: w.org.id, role: OrganiserRole.CO_ORGANIZER, status: OrganiserStatus.INVITED });
    await em.flush();
    await notify(w.app, { kind: 'co-organizer-invited', eventId: event.id, associationId: w.org.id });
    return members(w);
  },
  'event-moved': async (w) => {
    const event = await eventOf(w, EventStatus.PUBLISHED);
    const rows = await registrants(w, event);
    await notify(w.app, { kind: 'event-moved', eventId: event.id });
    return rows.map(([, r]) => r);
  },
  'event-cancelled': async (w) => {
    const event = await eventOf(w, EventStatus.CANCELLED);
    const rows = await registrants(w, event);
    await notify(w.app, { kind: 'event-cancelled', eventId: event.id, reason: 'Sygdom' });
    return rows.map(([, r]) => r);
  },
  'registration-confirmed': async (w) =>
    notifyEach(w, await registrants(w, w.showcase), (r) => ({ kind: 'registration-confirmed', registrationId: r.id })),
  'registration-waitlisted': async (w) =>
    notifyEach(w, await registrants(w, w.showcase, RegistrationStatus.WAITLISTED), (r) => ({
      kind: 'registration-waitlisted',
      registrationId: r.id,
    })),
  'registration-promoted': async (w) =>
    notifyEach(w, await registrants(w, w.showcase), (r) => ({ kind: 'registration-promoted', registrationId: r.id })),
  'registration-cancelled': async (w) => {
    const rows = await registrants(w, w.showcase, RegistrationStatus.CANCELLED);
    const em = w.app.em();
    for (const [r] of rows)
      await em.nativeUpdate(Registration, { id: r.id }, { cancelledBy: CancelledBy.REGISTRANT, cancelledAt: new Date() });
    return notifyEach(w, rows, (r) => ({ kind: 'registration-cancelled', registrationId: r.id }));
  },
  reminder: async (w) => {
    const rows = await registrants(w, w.showcase);
    const em = w.app.em();
    for (const [r] of rows)
      enqueue(em, JobName.SendReminder, { registrationId: r.id, offsetMinutes: 24 * 60, startsAt: w.showcase.startsAt.toISOString() });
    await em.flush();
    return rows.map(([, r]) => r);
  },
  'feedback-request': async (w) => {
    const event = await eventOf(w, EventStatus.PUBLISHED, { startsAt: inDays(-2), endsAt: new Date(inDays(-2).getTime() + 7200_000) });
    const rows = await registrants(w, event);
    const em = w.app.em();
    for (const [r] of rows) enqueue(em, JobName.SendFeedbackRequest, { registrationId: r.id, endsAt: eventOverAt(event)!.toISOString() });
    await em.flush();
    return rows.map(([, r]) => r);
  },
  'participation-received': (w) => participationMail(w, 'participation-received', ParticipationStatus.PENDING),
  'participation-confirmed': (w) => participationMail(w, 'participation-confirmed', ParticipationStatus.CONFIRMED),
  'participation-waitlisted': (w) => participationMail(w, 'participation-waitlisted', ParticipationStatus.WAITLISTED),
  'participation-declined': (w) => participationMail(w, 'participation-declined', ParticipationStatus.DECLINED),
  'status-report': async (w) => {
    // REPORT_RECIPIENTS names the bootstrap admin, who reads the report logged in, and a committee
    // without an account, whose link opens the report by its key.
    const year = DateTime.now().setZone('Europe/Copenhagen').year;
    dataOf(await w.app.gql('mutation($y: Int!) { generateStatusReport(year: $y, period: AD_HOC) { id } }', { y: year }, w.adminToken));
    return [
      { address: w.app.config.auth.adminEmail!, lang: 'da', password: w.app.config.auth.adminPassword! },
      { address: REPORT_COMMITTEE, lang: 'da' },
    ];
  },
  'requester-survey': async (w) => {
    const recipients: Recipient[] = [];
    for (const lang of LANGS) {
      const address = `rekvirent-${lang}@kk.example.org`;
      const input = assignmentInput(`links-${lang}`, {
        requester: {
          department: 'Kultur- og Fritidsforvaltningen',
          contactName: 'Rekvirent',
          contactEmail: address,
          language: lang.toUpperCase(),
        },
      });
      const recorded = dataOf(await w.app.gql<{ recordAssignment: { id: string } }>(RECORD, { input }, w.adminToken)).recordAssignment;
      dataOf(await w.app.gql(COMPLETE, { id: recorded.id }, w.adminToken));
      recipients.push({ address, lang });
    }
    return recipients;
  },
  'association-signed-up': async (w) => {
    const pending = await createAssociation(w.app.em(), { status: AssociationStatus.PENDING });
    await notify(w.app, { kind: 'association-signed-up', associationId: pending.id });
    return adminRecipients(w);
  },
  'registrants-message': async (w) => {
    const event = await eventOf(w, EventStatus.PUBLISHED);
    const rows = [...(await registrants(w, event)), ...(await registrants(w, event, RegistrationStatus.WAITLISTED))];
    await notify(w.app, {
      kind: 'registrants-message',
      eventId: event.id,
      messageId: randomUUID(),
      subject: 'Husk',
      text: 'Tag en ret med.',
    });
    return rows.map(([, r]) => r);
  },
} satisfies Record<MailKind, Trigger>;
