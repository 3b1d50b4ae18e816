import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { Role, TokenService, User, hashPassword } from '@mangfold/auth';
import { Association, AssociationKind, AssociationStatus, District, Membership } from '@mangfold/associations';
import { Event, EventKind, EventOrganiser, EventStatus, Occasion, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import {
  Feedback,
  InternationalDay,
  Participation,
  ParticipationActivity,
  ParticipationStatus,
  Registration,
  RegistrationStatus,
} from '@mangfold/registrations';
import { slugify } from '@mangfold/db';
import type { TestApp } from '../utils';

/*
 * Test data through factories: each call writes real rows (flushed) with sensible defaults that a
 * test overrides only where it matters: `await createEvent(em, { kind: EventKind.SEMINAR, capacity: 40 })`.
 */

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export async function createUser(em: EntityManager, data: Partial<Pick<User, 'email' | 'role' | 'name' | 'locale'>> = {}): Promise<User> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = em.create(User, {
    email: data.email ?? `${unique('user')}@test.mangfold.local`,
    passwordHash: await passwordHash,
    role: data.role ?? Role.ASSOCIATION_MEMBER,
    name: data.name ?? 'Test User',
    locale: data.locale ?? 'da',
  });
  await em.flush();
  return user;
}

export async function createAssociation(
  em: EntityManager,
  data: Partial<Pick<Association, 'name' | 'slug' | 'kind' | 'status' | 'contactEmail' | 'showContact'>> & {
    districtSlug?: string;
    members?: User[];
  } = {},
): Promise<Association> {
  const name = data.name ?? unique('Forening');
  const association = em.create(Association, {
    name,
    slug: data.slug ?? slugify(name),
    kind: data.kind ?? AssociationKind.ASSOCIATION,
    status: data.status ?? AssociationStatus.APPROVED,
    district: data.districtSlug ? await em.findOneOrFail(District, { slug: data.districtSlug }) : null,
    contactEmail: data.contactEmail ?? null,
    showContact: data.showContact ?? false,
  });
  for (const user of data.members ?? []) em.create(Membership, { user, association });
  await em.flush();
  return association;
}

/** A member user of a fresh approved association, with an access token. */
export async function createMember(
  app: TestApp,
  association?: Association,
): Promise<{ user: User; association: Association; token: string }> {
  const em = app.em();
  const user = await createUser(em);
  const assoc = association ? await em.findOneOrFail(Association, association.id) : await createAssociation(em);
  em.create(Membership, { user, association: assoc });
  await em.flush();
  return { user, association: assoc, token: tokenFor(app, user) };
}

/** An access token for a user, as login would issue. */
export function tokenFor(app: TestApp, user: User): string {
  return app.api.get(TokenService).issue(user).accessToken;
}

export interface EventData {
  kind?: EventKind;
  status?: EventStatus;
  title?: { da?: string; en?: string };
  description?: { da?: string; en?: string };
  startsAt?: Date;
  endsAt?: Date;
  timeZone?: string;
  allDay?: boolean;
  recurrence?: string | null;
  capacity?: number | null;
  registrationRequired?: boolean;
  districtSlug?: string;
  occasionSlug?: string;
  organiser?: Association;
  coOrganisers?: Association[];
  slug?: string;
}

/** An event (published by default) starting in 14 days at 17:00 Copenhagen time, lasting 2 hours. */
export async function createEvent(em: EntityManager, data: EventData = {}): Promise<Event> {
  const start = data.startsAt ?? DateTime.now().setZone('Europe/Copenhagen').startOf('day').plus({ days: 14 }).set({ hour: 17 }).toJSDate();
  const end = data.endsAt ?? new Date(start.getTime() + 2 * 3600_000);
  const status = data.status ?? EventStatus.PUBLISHED;
  const title = data.title ?? { da: unique('Begivenhed'), en: 'Event' };
  const organiser = data.organiser ?? (await createAssociation(em));
  const event = em.create(Event, {
    slug: data.slug ?? slugify(title.da ?? title.en ?? unique('event'), 100),
    kind: data.kind ?? EventKind.CULTURAL_EVENT,
    status,
    title,
    description: data.description ?? { da: 'Beskrivelse', en: 'Description' },
    startsAt: start,
    endsAt: end,
    lastEndsAt: data.recurrence ? null : end,
    timeZone: data.timeZone ?? 'Europe/Copenhagen',
    allDay: data.allDay ?? false,
    recurrence: data.recurrence ?? null,
    capacity: data.capacity ?? null,
    registrationRequired: data.registrationRequired ?? false,
    district: data.districtSlug ? await em.findOneOrFail(District, { slug: data.districtSlug }) : null,
    occasion: data.occasionSlug ? await em.findOneOrFail(Occasion, { slug: data.occasionSlug }) : null,
    submittedAt: status === EventStatus.DRAFT ? null : new Date(),
    publishedAt: status === EventStatus.PUBLISHED || status === EventStatus.CANCELLED ? new Date() : null,
  });
  em.create(EventOrganiser, {
    event,
    association: organiser,
    role: OrganiserRole.PRIMARY,
    status: OrganiserStatus.ACCEPTED,
    respondedAt: new Date(),
  });
  for (const co of data.coOrganisers ?? []) {
    em.create(EventOrganiser, {
      event,
      association: co,
      role: OrganiserRole.CO_ORGANIZER,
      status: OrganiserStatus.ACCEPTED,
      respondedAt: new Date(),
    });
  }
  await em.flush();
  return event;
}

export interface RegistrationData {
  status?: RegistrationStatus;
  name?: string;
  email?: string;
  partySize?: number;
  locale?: 'da' | 'en';
  checkedIn?: boolean;
}

/**
 * A registration written directly (no capacity rules: use the registrations service for those),
 * for tests of what comes after: mails, reminders, feedback, KPIs.
 */
export async function createRegistration(em: EntityManager, event: Event, data: RegistrationData = {}): Promise<Registration> {
  const registration = em.create(Registration, {
    event,
    status: data.status ?? RegistrationStatus.CONFIRMED,
    partySize: data.partySize ?? 1,
    name: data.name ?? 'Test Registrant',
    email: (data.email ?? `${unique('registrant')}@test.mangfold.local`).toLowerCase(),
    locale: data.locale ?? 'da',
    consentVersion: '2026-01',
    consentedAt: new Date(),
    checkedInAt: data.checkedIn ? new Date() : null,
  });
  await em.flush();
  // Keep the event's seat counters true to the rows (capacity itself is not enforced here).
  await em.execute('update event set seats_taken = seats_taken + ?, waitlist_length = waitlist_length + ? where id = ?', [
    registration.status === RegistrationStatus.CONFIRMED ? registration.partySize : 0,
    registration.status === RegistrationStatus.WAITLISTED ? 1 : 0,
    event.id,
  ]);
  return registration;
}

export async function createFeedback(
  em: EntityManager,
  registration: Registration,
  data: { satisfied: boolean; score?: number; comment?: string },
): Promise<Feedback> {
  const feedback = em.create(Feedback, {
    registration,
    event: registration.event,
    satisfied: data.satisfied,
    score: data.score ?? null,
    comment: data.comment ?? null,
  });
  await em.flush();
  return feedback;
}

/** An International Day for `year` with its event (published), open for registration now. */
export async function createInternationalDay(
  em: EntityManager,
  data: { year?: number; standCapacity?: number; startsAt?: Date } = {},
): Promise<InternationalDay> {
  const startsAt =
    data.startsAt ?? DateTime.now().setZone('Europe/Copenhagen').plus({ days: 60 }).startOf('day').set({ hour: 11 }).toJSDate();
  const year = data.year ?? DateTime.fromJSDate(startsAt).setZone('Europe/Copenhagen').year;
  const event = await createEvent(em, {
    kind: EventKind.INTERNATIONAL_DAY,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 6 * 3600_000),
    title: { da: `International Dag ${year}`, en: `International Day ${year}` },
  });
  const day = em.create(InternationalDay, {
    year,
    event,
    standCapacity: data.standCapacity ?? 40,
    registrationOpensAt: new Date(Date.now() - 24 * 3600_000),
    registrationClosesAt: new Date(startsAt.getTime() - 7 * 24 * 3600_000),
  });
  await em.flush();
  return day;
}

export async function createParticipation(
  em: EntityManager,
  day: InternationalDay,
  data: { association?: Association; kind?: AssociationKind; status?: ParticipationStatus; activities?: ParticipationActivity[] } = {},
): Promise<Participation> {
  const activities = data.activities ?? [ParticipationActivity.STAND];
  const participation = em.create(Participation, {
    internationalDay: day,
    association: data.association ?? null,
    organisationName: data.association ? null : unique('Organisation'),
    participantKind: data.kind ?? data.association?.kind ?? AssociationKind.ASSOCIATION,
    status: data.status ?? ParticipationStatus.PENDING,
    activities,
    needsStand: activities.includes(ParticipationActivity.STAND) || activities.includes(ParticipationActivity.FOOD),
    representatives: 2,
    contactName: 'Contact Person',
    contactEmail: `${unique('contact')}@test.mangfold.local`,
  });
  await em.flush();
  return participation;
}
