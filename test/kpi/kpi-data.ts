import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { Role, User } from '@mangfold/auth';
import { type Association, AssociationKind, AssociationStatus, HousingArea } from '@mangfold/associations';
import { type Event, EventKind, EventOrganiser, EventStatus, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { ParticipationStatus, RegistrationStatus } from '@mangfold/registrations';
import {
  createAssociation,
  createEvent,
  createFeedback,
  createInternationalDay,
  createParticipation,
  createRegistration,
  tokenFor,
  type EventData,
} from '../factories';
import type { TestApp } from '../utils';

const ZONE = 'Europe/Copenhagen';

/** An access token of the bootstrap admin (issued as login would). */
export async function adminToken(app: TestApp): Promise<string> {
  const admin = await app.em().findOneOrFail(User, { email: app.config.auth.adminEmail!, role: Role.ADMIN });
  return tokenFor(app, admin);
}

/**
 * Instants inside the current Copenhagen year, before and after now, so "held" and "planned" come
 * out the same whatever day the suite runs (it needs 8 hours of the year behind and ahead of now).
 */
export function yearClock(now = new Date()) {
  const year = DateTime.fromJSDate(now, { zone: ZONE }).year;
  const start = DateTime.fromObject({ year }, { zone: ZONE }).toMillis();
  const end = DateTime.fromObject({ year: year + 1 }, { zone: ZONE }).toMillis();
  const margin = 7 * 3600_000;
  if (now.getTime() - start < margin + 3600_000 || end - now.getTime() < margin + 3600_000) {
    throw new Error('the KPI fixtures need 8 hours of the year on each side of now');
  }
  const pastSpan = now.getTime() - margin - start;
  const futureSpan = end - margin - now.getTime();
  return {
    year,
    /** The i-th of 40 instants between 1 January and now minus 7 hours. */
    past: (i: number) => new Date(start + Math.floor((pastSpan * (i + 1)) / 41)),
    /** The i-th of 40 instants between now and 31 December minus 7 hours. */
    future: (i: number) => new Date(now.getTime() + Math.floor((futureSpan * (i + 1)) / 41)),
  };
}

/** Local wall-clock time in Copenhagen as an instant. */
export function copenhagen(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone: ZONE }).toJSDate();
}

async function event(
  em: EntityManager,
  data: EventData & { housingAreaSlug?: string; invited?: Association[]; cancelled?: boolean },
): Promise<Event> {
  const { housingAreaSlug, invited, cancelled, ...rest } = data;
  const e = await createEvent(em, { ...rest, status: cancelled ? EventStatus.CANCELLED : rest.status });
  if (housingAreaSlug) e.housingArea = await em.findOneOrFail(HousingArea, { slug: housingAreaSlug });
  if (cancelled) e.cancelledAt = new Date();
  for (const a of invited ?? [])
    em.create(EventOrganiser, { event: e, association: a, role: OrganiserRole.CO_ORGANIZER, status: OrganiserStatus.INVITED });
  await em.flush();
  return e;
}

const hour = (d: Date, hours = 1) => new Date(d.getTime() + hours * 3600_000);

/**
 * A year of data whose every KPI is computed by hand in the comments (see the e2e tests for the
 * expected figures), plus the previous year's boundary case.
 */
export async function buildKpiYear(em: EntityManager, now = new Date()) {
  const { year, past, future } = yearClock(now);
  const local = async (name: string, kind: AssociationKind, status = AssociationStatus.APPROVED) =>
    createAssociation(em, { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), kind, status });

  const a = {
    a1: await local('Alfa Forening', AssociationKind.ASSOCIATION),
    a2: await local('Beta Projekt', AssociationKind.PROJECT),
    a3: await local('Gamma Frivillige', AssociationKind.VOLUNTARY_ORGANISATION),
    a4: await local('Delta Frivillige', AssociationKind.VOLUNTARY_ORGANISATION),
    pending: await local('Epsilon Afventer', AssociationKind.ASSOCIATION, AssociationStatus.PENDING),
    pendingVoluntary: await local('Zeta Frivillige Afventer', AssociationKind.VOLUNTARY_ORGANISATION, AssociationStatus.PENDING),
    embassy: await local('Ambassade Eta', AssociationKind.EMBASSY),
    municipal: await local('TFI Theta', AssociationKind.MUNICIPAL_UNIT),
    other: await local('Iota Organisation', AssociationKind.OTHER),
    plannedOnly: await local('Kappa Planlagt', AssociationKind.ASSOCIATION),
    draftOnly: await local('Lambda Kladde', AssociationKind.PROJECT),
    invitedOnly: await local('My Inviteret', AssociationKind.ASSOCIATION),
    noOccasion: await local('Ny Uden Mærkedag', AssociationKind.ASSOCIATION),
    cancelledOnly: await local('Xi Aflyst', AssociationKind.ASSOCIATION),
    lastYear: await local('Omikron Nytårsaften', AssociationKind.ASSOCIATION),
    newYear: await local('Pi Nytårsdag', AssociationKind.ASSOCIATION),
  };

  const cultural = (i: number, data: EventData & { housingAreaSlug?: string; invited?: Association[]; cancelled?: boolean }) =>
    event(em, {
      kind: EventKind.CULTURAL_EVENT,
      startsAt: data.startsAt ?? past(i),
      endsAt: data.endsAt ?? hour(data.startsAt ?? past(i)),
      ...data,
    });

  const e = {
    // associations-involved, held: a1 (c1, c3), a3 (co-organises c1), a2 (co-organises the embassy's c2), newYear (b2)
    c1: await cultural(1, {
      organiser: a.a1,
      coOrganisers: [a.a3],
      occasionSlug: 'eid-al-fitr',
      districtSlug: 'noerrebro',
      housingAreaSlug: 'mjoelnerparken',
    }),
    c2: await cultural(2, { organiser: a.embassy, coOrganisers: [a.a2], occasionSlug: 'nowruz', districtSlug: 'valby' }),
    c3: await cultural(3, { organiser: a.a1, occasionSlug: 'diwali', districtSlug: 'oesterbro' }),
    // not counted: a pending association, an invitation not accepted, no occasion, cancelled
    c4: await cultural(4, { organiser: a.pending, occasionSlug: 'holi' }),
    c5: await cultural(5, { organiser: a.municipal, invited: [a.invitedOnly], occasionSlug: 'holi' }),
    c6: await cultural(6, { organiser: a.noOccasion }),
    c7: await cultural(7, { organiser: a.cancelledOnly, occasionSlug: 'holi', cancelled: true }),
    // planned: plannedOnly; follow-up: plannedOnly and draftOnly (a draft and a submitted event)
    c8: await cultural(0, { organiser: a.plannedOnly, occasionSlug: 'holi', districtSlug: 'noerrebro', startsAt: future(1) }),
    c9: await cultural(0, { organiser: a.draftOnly, occasionSlug: 'holi', status: EventStatus.DRAFT, startsAt: future(2) }),
    c11: await cultural(8, { organiser: a.draftOnly, occasionSlug: 'nowruz', status: EventStatus.SUBMITTED }),
    // the year boundary: 31 December 23:30 of last year (until 00:30) is last year's; 1 January 00:00 is this year's
    b1: await cultural(0, {
      organiser: a.lastYear,
      occasionSlug: 'eid-al-fitr',
      startsAt: copenhagen(year - 1, 12, 31, 23, 30),
      endsAt: copenhagen(year, 1, 1, 0, 30),
    }),
    b2: await cultural(0, {
      organiser: a.newYear,
      occasionSlug: 'eid-al-fitr',
      startsAt: copenhagen(year, 1, 1, 0, 0),
      endsAt: copenhagen(year, 1, 1, 1, 0),
    }),
    // voluntary-initiatives: v1 held (a3 + a4, also a network meeting), v2 planned; v3 (a4 only invited), v4 (pending voluntary) not
    v1: await event(em, {
      kind: EventKind.NETWORK_MEETING,
      organiser: a.a3,
      coOrganisers: [a.a4],
      startsAt: past(9),
      endsAt: hour(past(9)),
    }),
    v2: await event(em, {
      kind: EventKind.CULTURAL_EVENT,
      organiser: a.a3,
      coOrganisers: [a.a4],
      startsAt: future(3),
      endsAt: hour(future(3)),
    }),
    v3: await event(em, { kind: EventKind.CULTURAL_EVENT, organiser: a.a3, invited: [a.a4], startsAt: past(10), endsAt: hour(past(10)) }),
    v4: await event(em, {
      kind: EventKind.CULTURAL_EVENT,
      organiser: a.a3,
      coOrganisers: [a.pendingVoluntary],
      startsAt: past(11),
      endsAt: hour(past(11)),
    }),
    // seminars: s1 and s2 held, s3 planned; s4 cancelled, s5 a draft: neither counts
    s1: await event(em, {
      kind: EventKind.SEMINAR,
      organiser: a.municipal,
      districtSlug: 'indre-by',
      startsAt: past(12),
      endsAt: hour(past(12), 3),
    }),
    s2: await event(em, { kind: EventKind.SEMINAR, organiser: a.municipal, startsAt: past(13), endsAt: hour(past(13)) }),
    s3: await event(em, { kind: EventKind.SEMINAR, organiser: a.municipal, startsAt: future(4), endsAt: hour(future(4)) }),
    s4: await event(em, { kind: EventKind.SEMINAR, organiser: a.municipal, cancelled: true, startsAt: past(14), endsAt: hour(past(14)) }),
    s5: await event(em, {
      kind: EventKind.SEMINAR,
      organiser: a.municipal,
      status: EventStatus.DRAFT,
      startsAt: past(15),
      endsAt: hour(past(15)),
    }),
    // network meetings: v1 held, n2 planned, n3 rejected
    n2: await event(em, { kind: EventKind.NETWORK_MEETING, organiser: a.municipal, startsAt: future(5), endsAt: hour(future(5)) }),
    n3: await event(em, {
      kind: EventKind.NETWORK_MEETING,
      organiser: a.municipal,
      status: EventStatus.REJECTED,
      startsAt: past(16),
      endsAt: hour(past(16)),
    }),
    // last year: one held seminar with 3 satisfied answers (too few for a met rate)
    p1: await event(em, {
      kind: EventKind.SEMINAR,
      organiser: a.municipal,
      startsAt: copenhagen(year - 1, 6, 1, 10),
      endsAt: copenhagen(year - 1, 6, 1, 12),
    }),
  };

  // International Day, held this year: 3 confirmed participants (an embassy without an account, a1, other), 1 pending, 1 declined.
  const day = await createInternationalDay(em, { year, startsAt: past(17) });
  const participations = {
    embassy: await createParticipation(em, day, { kind: AssociationKind.EMBASSY, status: ParticipationStatus.CONFIRMED }),
    a1: await createParticipation(em, day, { association: a.a1, status: ParticipationStatus.CONFIRMED }),
    other: await createParticipation(em, day, { association: a.other, status: ParticipationStatus.CONFIRMED }),
    pending: await createParticipation(em, day, { association: a.a2, status: ParticipationStatus.PENDING }),
    declined: await createParticipation(em, day, { association: a.a4, status: ParticipationStatus.DECLINED }),
  };

  // s1: 10 confirmed (6 checked in), 7 satisfied of 10 answers; a cancelled registration that had checked in does not count.
  for (let i = 0; i < 10; i++) {
    const r = await createRegistration(em, e.s1, { checkedIn: i < 6 });
    await createFeedback(em, r, { satisfied: i < 7, score: i < 7 ? 5 : 2 });
  }
  await createRegistration(em, e.s1, { status: RegistrationStatus.CANCELLED, checkedIn: true });
  // s3 (planned): 4 confirmed and 1 waitlisted: 4 planned attendees.
  for (let i = 0; i < 4; i++) await createRegistration(em, e.s3);
  await createRegistration(em, e.s3, { status: RegistrationStatus.WAITLISTED });
  // s4 (cancelled): check-ins and unhappy answers that must not count.
  for (let i = 0; i < 5; i++) {
    const r = await createRegistration(em, e.s4, { checkedIn: true });
    await createFeedback(em, r, { satisfied: false });
  }
  // p1 (last year): 3 satisfied answers.
  for (let i = 0; i < 3; i++) {
    const r = await createRegistration(em, e.p1, { checkedIn: true });
    await createFeedback(em, r, { satisfied: true });
  }

  return { year, associations: a, events: e, day, participations };
}
