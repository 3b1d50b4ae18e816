import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { Role, User, hashPassword } from '@mangfold/auth';
import { Association, AssociationKind, AssociationStatus, District, HousingArea, Membership } from '@mangfold/associations';
import {
  Event,
  EventKind,
  EventOrganizer,
  EventStatus,
  EventTheme,
  Occasion,
  OrganizerRole,
  OrganizerStatus,
  Theme,
} from '@mangfold/calendar';
import {
  AttendeeRole,
  Feedback,
  InternationalDay,
  Participation,
  ParticipationActivity,
  ParticipationStatus,
  PRIVACY_NOTICE_VERSION,
  Registration,
  RegistrationStatus,
} from '@mangfold/registrations';

export const DEMO_MEMBER_PASSWORD = 'demo-password-2026';
const ZONE = 'Europe/Copenhagen';

interface DemoAssociation {
  slug: string;
  name: string;
  kind: AssociationKind;
  district: string;
  housingArea?: string;
  da: string;
  en: string;
}

const ASSOCIATIONS: DemoAssociation[] = [
  {
    slug: 'mjolnerparkens-beboerforening',
    name: 'Mjølnerparkens Beboerforening',
    kind: AssociationKind.ASSOCIATION,
    district: 'norrebro',
    housingArea: 'mjolnerparken',
    da: 'Beboerforening med fællesspisning og kulturaftener.',
    en: 'Residents’ association with shared dinners and culture nights.',
  },
  {
    slug: 'valby-kulturbro',
    name: 'Valby Kulturbro',
    kind: AssociationKind.PROJECT,
    district: 'valby',
    housingArea: 'akacieparken',
    da: 'Projekt der bygger bro mellem kulturer i Valby.',
    en: 'A project bridging cultures in Valby.',
  },
  {
    slug: 'amager-frivilligcenter',
    name: 'Amager Frivilligcenter',
    kind: AssociationKind.VOLUNTARY_ORGANISATION,
    district: 'amager-vest',
    da: 'Frivillige der skaber fællesskab på Amager.',
    en: 'Volunteers building community on Amager.',
  },
  {
    slug: 'tingbjerg-ungdomsklub',
    name: 'Tingbjerg Ungdomsklub',
    kind: AssociationKind.VOLUNTARY_ORGANISATION,
    district: 'bronshoj-husum',
    housingArea: 'tingbjerg',
    da: 'Ungdomsklub med musik, sport og madlavning.',
    en: 'Youth club with music, sports and cooking.',
  },
  {
    slug: 'indiens-ambassade',
    name: 'Indiens Ambassade',
    kind: AssociationKind.EMBASSY,
    district: 'osterbro',
    da: 'Indiens ambassade i København.',
    en: 'The Embassy of India in Copenhagen.',
  },
  {
    slug: 'taskforce-integration',
    name: 'TaskForce Integration',
    kind: AssociationKind.MUNICIPAL_UNIT,
    district: 'indre-by',
    da: 'Københavns Kommunes taskforce for integration.',
    en: 'The City of Copenhagen’s integration task force.',
  },
];

interface DemoEvent {
  slug: string;
  kind: EventKind;
  da: string;
  en: string;
  descriptionDa: string;
  descriptionEn: string;
  /** Local start, as days from today at a local hour. */
  inDays?: number;
  /**
   * Or a day this year, for the KPI picture: `at` (0–1) of the way through the days already past
   * (`held`) or still to come (`planned`), so the events stay in this year whatever the date.
   */
  thisYear?: { when: 'held' | 'planned'; at: number };
  hour: number;
  hours: number;
  district: string;
  housingArea?: string;
  occasion?: string;
  organizers: string[];
  location: { name: string; address: string; postalCode: string; latitude: number; longitude: number };
  capacity?: number;
  registrationRequired?: boolean;
  /** Demo people already registered (confirmed seats), so the organiser tools have something to show. */
  registered?: number;
  languages: string[];
  status?: EventStatus;
}

const EVENTS: DemoEvent[] = [
  {
    slug: 'eid-faellesspisning-mjolnerparken',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Eid-fællesspisning i Mjølnerparken',
    en: 'Eid community dinner in Mjølnerparken',
    descriptionDa: 'Vi fejrer Eid med mad fra hele verden. Alle er velkomne.',
    descriptionEn: 'We celebrate Eid with food from all over the world. Everyone is welcome.',
    inDays: -40,
    hour: 17,
    hours: 4,
    district: 'norrebro',
    housingArea: 'mjolnerparken',
    occasion: 'eid-al-fitr',
    organizers: ['mjolnerparkens-beboerforening', 'amager-frivilligcenter'],
    location: { name: 'Fælleshuset', address: 'Mjølnerparken 2', postalCode: '2200', latitude: 55.7005, longitude: 12.5424 },
    languages: ['da', 'ar'],
  },
  {
    slug: 'nowruz-i-valby',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Nowruz i Valby',
    en: 'Nowruz in Valby',
    descriptionDa: 'Persisk nytår med musik og haft-sin-bord.',
    descriptionEn: 'Persian New Year with music and a haft-sin table.',
    inDays: -20,
    hour: 15,
    hours: 3,
    district: 'valby',
    housingArea: 'akacieparken',
    occasion: 'nowruz',
    organizers: ['valby-kulturbro'],
    location: { name: 'Valby Kulturhus', address: 'Valgårdsvej 4', postalCode: '2500', latitude: 55.6626, longitude: 12.5152 },
    languages: ['da', 'fa'],
  },
  {
    slug: 'diwali-lysfest',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Diwali-lysfest',
    en: 'Diwali festival of lights',
    descriptionDa: 'Lys, dans og indisk mad.',
    descriptionEn: 'Lights, dance and Indian food.',
    inDays: 10,
    hour: 18,
    hours: 3,
    district: 'osterbro',
    occasion: 'diwali',
    organizers: ['indiens-ambassade'],
    location: { name: 'Østerbro Kulturhus', address: 'Arhusgade 103', postalCode: '2100', latitude: 55.7079, longitude: 12.5799 },
    languages: ['en', 'hi'],
  },
  {
    slug: 'modersmaalsdag-tingbjerg',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Modersmålsdag i Tingbjerg',
    en: 'Mother Language Day in Tingbjerg',
    descriptionDa: 'Oplæsning og sange på mange sprog.',
    descriptionEn: 'Readings and songs in many languages.',
    inDays: 45,
    hour: 14,
    hours: 3,
    district: 'bronshoj-husum',
    housingArea: 'tingbjerg',
    occasion: 'international-mother-language-day',
    organizers: ['tingbjerg-ungdomsklub', 'mjolnerparkens-beboerforening'],
    location: { name: 'Tingbjerg Bibliotek', address: 'Ruten 6', postalCode: '2700', latitude: 55.7166, longitude: 12.4734 },
    languages: ['da', 'so', 'ar', 'ur'],
  },
  {
    slug: 'seminar-projektledelse-frivillige',
    kind: EventKind.SEMINAR,
    da: 'Seminar: projektledelse for frivillige',
    en: 'Seminar: project management for volunteers',
    descriptionDa: 'Værktøjer til at planlægge og lede frivillige projekter.',
    descriptionEn: 'Tools for planning and leading volunteer projects.',
    inDays: 21,
    hour: 16,
    hours: 3,
    district: 'indre-by',
    organizers: ['taskforce-integration'],
    location: { name: 'Københavns Rådhus', address: 'Rådhuspladsen 1', postalCode: '1550', latitude: 55.6761, longitude: 12.5683 },
    capacity: 30,
    registrationRequired: true,
    registered: 12,
    languages: ['da'],
  },
  {
    slug: 'netvaerksmoede-opsoegende-arbejde',
    kind: EventKind.NETWORK_MEETING,
    da: 'Netværksmøde: opsøgende metoder og beskæftigelse',
    en: 'Network meeting: outreach methods and employment',
    descriptionDa: 'Erfaringsudveksling mellem foreninger og kommunen.',
    descriptionEn: 'Sharing experience between associations and the city.',
    inDays: 35,
    hour: 17,
    hours: 2,
    district: 'norrebro',
    organizers: ['taskforce-integration'],
    location: { name: 'Nørrebrohallen', address: 'Bragesgade 5', postalCode: '2200', latitude: 55.6994, longitude: 12.5446 },
    capacity: 40,
    registrationRequired: true,
    registered: 5,
    languages: ['da', 'en'],
  },
  {
    slug: 'international-dag',
    kind: EventKind.INTERNATIONAL_DAY,
    da: 'International Dag',
    en: 'International Day',
    descriptionDa: 'Foreninger, organisationer og ambassader viser deres kultur med stande, optrædener og mad.',
    descriptionEn: 'Associations, organisations and embassies show their culture with stands, performances and food.',
    inDays: 60,
    hour: 11,
    hours: 6,
    district: 'indre-by',
    organizers: ['taskforce-integration'],
    location: { name: 'Rådhuspladsen', address: 'Rådhuspladsen', postalCode: '1550', latitude: 55.6759, longitude: 12.5691 },
    capacity: 40,
    languages: ['da', 'en'],
  },
  // This year's KPI picture (KPIS.md): local associations held cultural events marking occasions (one
  // co-organised by two voluntary organisations), an embassy's event that does not count, a held
  // seminar with feedback, and planned events that put the rest on track.
  {
    slug: 'holi-farvefest-amager',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Holi-farvefest på Amager',
    en: 'Holi festival of colours on Amager',
    descriptionDa: 'Farver, musik og mad til hele familien.',
    descriptionEn: 'Colours, music and food for the whole family.',
    thisYear: { when: 'held', at: 0.25 },
    hour: 14,
    hours: 4,
    district: 'amager-vest',
    occasion: 'holi',
    organizers: ['amager-frivilligcenter', 'tingbjerg-ungdomsklub'],
    location: { name: 'Amager Fælled, Kulturhavn', address: 'Artillerivej 73', postalCode: '2300', latitude: 55.6617, longitude: 12.5849 },
    languages: ['da', 'hi', 'en'],
  },
  {
    slug: 'sankt-hans-mjolnerparken',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Sankt Hans i Mjølnerparken',
    en: 'Midsummer Eve in Mjølnerparken',
    descriptionDa: 'Bål, sange og fællesspisning med naboer fra hele verden.',
    descriptionEn: 'Bonfire, songs and a shared dinner with neighbours from all over the world.',
    thisYear: { when: 'held', at: 0.55 },
    hour: 18,
    hours: 4,
    district: 'norrebro',
    housingArea: 'mjolnerparken',
    occasion: 'sankt-hans',
    organizers: ['mjolnerparkens-beboerforening', 'valby-kulturbro'],
    location: { name: 'Fælleshuset', address: 'Mjølnerparken 2', postalCode: '2200', latitude: 55.7005, longitude: 12.5424 },
    languages: ['da', 'ar'],
  },
  {
    slug: 'indisk-kulturaften',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Indisk kulturaften',
    en: 'Indian culture night',
    descriptionDa: 'Ambassaden viser dans, musik og film.',
    descriptionEn: 'The embassy shows dance, music and film.',
    thisYear: { when: 'held', at: 0.45 },
    hour: 19,
    hours: 3,
    district: 'osterbro',
    occasion: 'diwali',
    organizers: ['indiens-ambassade'],
    location: { name: 'Østerbro Kulturhus', address: 'Arhusgade 103', postalCode: '2100', latitude: 55.7079, longitude: 12.5799 },
    languages: ['en', 'hi'],
  },
  {
    slug: 'seminar-frivillige-i-boligomraader',
    kind: EventKind.SEMINAR,
    da: 'Seminar: frivillige i boligområderne',
    en: 'Seminar: volunteers in the housing areas',
    descriptionDa: 'Erfaringer fra Mjølnerparken, Akacieparken og Tingbjerg.',
    descriptionEn: 'Experience from Mjølnerparken, Akacieparken and Tingbjerg.',
    thisYear: { when: 'held', at: 0.4 },
    hour: 16,
    hours: 3,
    district: 'indre-by',
    organizers: ['taskforce-integration'],
    location: { name: 'Københavns Rådhus', address: 'Rådhuspladsen 1', postalCode: '1550', latitude: 55.6761, longitude: 12.5683 },
    capacity: 30,
    registrationRequired: true,
    languages: ['da'],
  },
  {
    slug: 'netvaerksmoede-kriminalpraevention',
    kind: EventKind.NETWORK_MEETING,
    da: 'Netværksmøde: kriminalpræventivt arbejde',
    en: 'Network meeting: crime prevention',
    descriptionDa: 'Foreninger, SSP og politi deler erfaringer.',
    descriptionEn: 'Associations, SSP and the police share experience.',
    thisYear: { when: 'held', at: 0.7 },
    hour: 17,
    hours: 2,
    district: 'bispebjerg',
    organizers: ['taskforce-integration'],
    location: { name: 'Bispebjerg Kulturhus', address: 'Frederikssundsvej 138', postalCode: '2400', latitude: 55.7069, longitude: 12.5145 },
    languages: ['da'],
  },
  {
    slug: 'seminar-projektledelse-efteraar',
    kind: EventKind.SEMINAR,
    da: 'Seminar: projektledelse, del 2',
    en: 'Seminar: project management, part 2',
    descriptionDa: 'Fra idé til ansøgning og evaluering.',
    descriptionEn: 'From idea to application and evaluation.',
    thisYear: { when: 'planned', at: 0.4 },
    hour: 16,
    hours: 3,
    district: 'indre-by',
    organizers: ['taskforce-integration'],
    location: { name: 'Københavns Rådhus', address: 'Rådhuspladsen 1', postalCode: '1550', latitude: 55.6761, longitude: 12.5683 },
    capacity: 30,
    registrationRequired: true,
    languages: ['da'],
  },
  {
    slug: 'netvaerksmoede-beskaeftigelse',
    kind: EventKind.NETWORK_MEETING,
    da: 'Netværksmøde: vejen til job',
    en: 'Network meeting: the way to a job',
    descriptionDa: 'Virksomheder og foreninger om beskæftigelse.',
    descriptionEn: 'Businesses and associations on employment.',
    thisYear: { when: 'planned', at: 0.3 },
    hour: 17,
    hours: 2,
    district: 'valby',
    organizers: ['taskforce-integration'],
    location: { name: 'Valby Kulturhus', address: 'Valgårdsvej 4', postalCode: '2500', latitude: 55.6626, longitude: 12.5152 },
    languages: ['da', 'en'],
  },
  {
    slug: 'sprogcafe-tingbjerg-amager',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Sprogcafé: mange sprog, ét fællesskab',
    en: 'Language café: many languages, one community',
    descriptionDa: 'Frivillige fra Tingbjerg og Amager inviterer til sprogleg og sang.',
    descriptionEn: 'Volunteers from Tingbjerg and Amager invite you to language games and songs.',
    thisYear: { when: 'planned', at: 0.6 },
    hour: 15,
    hours: 3,
    district: 'bronshoj-husum',
    housingArea: 'tingbjerg',
    occasion: 'international-mother-language-day',
    organizers: ['tingbjerg-ungdomsklub', 'amager-frivilligcenter'],
    location: { name: 'Tingbjerg Bibliotek', address: 'Ruten 6', postalCode: '2700', latitude: 55.7166, longitude: 12.4734 },
    languages: ['da', 'so', 'ar'],
  },
];

/** Registrations, check-ins and satisfaction answers of the held demo seminar (KPIs: attendance, satisfaction). */
/** The work plan's themes of demo events, so its themed KPIs and the theme filter have something to show. */
const DEMO_THEMES: Record<string, string[]> = {
  'seminar-projektledelse-frivillige': ['project-management', 'voluntary-work'],
  'netvaerksmoede-opsoegende-arbejde': ['employment-outreach'],
  'seminar-frivillige-i-boligomraader': ['voluntary-work', 'project-management'],
  'netvaerksmoede-kriminalpraevention': ['crime-prevention'],
  'seminar-projektledelse-efteraar': ['project-management'],
  'netvaerksmoede-beskaeftigelse': ['employment-outreach'],
};

const HELD_SEMINAR_ATTENDANCE = { slug: 'seminar-frivillige-i-boligomraader', registered: 16, checkedIn: 14, answers: 12, satisfied: 9 };

/** A local day this year for `thisYear` events (see DemoEvent). */
function dayThisYear(now: DateTime, when: 'held' | 'planned', at: number): DateTime {
  const today = now.startOf('day');
  if (when === 'held') {
    const past = Math.floor(today.diff(today.startOf('year'), 'days').days);
    return today.minus({ days: Math.max(1, past - Math.floor(at * past)) });
  }
  const ahead = Math.floor(today.endOf('year').diff(today, 'days').days);
  return today.plus({ days: Math.max(1, Math.min(ahead, Math.ceil(at * ahead))) });
}

/**
 * Demo data for `npm start` and `npm run seed:demo`: associations of every kind, events in
 * several districts marking several occasions, a seminar, a network meeting and an International
 * Day, dated relative to today so the demo never goes stale.
 */
export class DemoSeeder {
  constructor(private readonly options: { force?: boolean; now?: Date } = {}) {}

  /** Returns false (and writes nothing) when the database already has associations and force is off. */
  async load(em: EntityManager): Promise<boolean> {
    if (!this.options.force && (await em.count(Association, {})) > 0) return false;
    const now = DateTime.fromJSDate(this.options.now ?? new Date()).setZone(ZONE);
    const districts = new Map((await em.find(District, {})).map((d) => [d.slug, d]));
    const areas = new Map((await em.find(HousingArea, {})).map((a) => [a.slug, a]));
    const occasions = new Map((await em.find(Occasion, {})).map((o) => [o.slug, o]));
    const themes = new Map((await em.find(Theme, {})).map((t) => [t.slug, t]));
    const passwordHash = await hashPassword(DEMO_MEMBER_PASSWORD);

    const associations = new Map<string, Association>();
    for (const a of ASSOCIATIONS) {
      const existing = await em.findOne(Association, { slug: a.slug });
      if (existing) {
        associations.set(a.slug, existing);
        continue;
      }
      const association = em.create(Association, {
        slug: a.slug,
        name: a.name,
        kind: a.kind,
        description: { da: a.da, en: a.en },
        district: districts.get(a.district) ?? null,
        housingArea: a.housingArea ? (areas.get(a.housingArea) ?? null) : null,
        status: AssociationStatus.APPROVED,
        statusChangedAt: now.toJSDate(),
      });
      associations.set(a.slug, association);
      const email = `${a.slug}@demo.mangfold.local`;
      const user =
        (await em.findOne(User, { email })) ?? em.create(User, { email, passwordHash, role: Role.ASSOCIATION_MEMBER, name: a.name });
      em.create(Membership, { user, association });
    }

    const created = new Map<string, Event>();
    for (const e of EVENTS) {
      if (await em.findOne(Event, { slug: e.slug })) continue;
      const day = e.thisYear ? dayThisYear(now, e.thisYear.when, e.thisYear.at) : now.startOf('day').plus({ days: e.inDays ?? 0 });
      const start = day.set({ hour: e.hour });
      const end = start.plus({ hours: e.hours });
      const status = e.status ?? EventStatus.PUBLISHED;
      const event = em.create(Event, {
        slug: e.slug,
        kind: e.kind,
        status,
        title: { da: e.da, en: e.en },
        description: { da: e.descriptionDa, en: e.descriptionEn },
        startsAt: start.toJSDate(),
        endsAt: end.toJSDate(),
        lastEndsAt: end.toJSDate(),
        timeZone: ZONE,
        location: { ...e.location, city: 'København' },
        district: districts.get(e.district) ?? null,
        housingArea: e.housingArea ? (areas.get(e.housingArea) ?? null) : null,
        occasion: e.occasion ? (occasions.get(e.occasion) ?? null) : null,
        capacity: e.capacity ?? null,
        registrationRequired: e.registrationRequired ?? false,
        // Open a week ago, closing the day before: the demo always has registration open.
        registrationOpensAt: e.registrationRequired ? now.minus({ days: 7 }).toJSDate() : null,
        registrationClosesAt: e.registrationRequired ? start.minus({ days: 1 }).toJSDate() : null,
        languages: e.languages,
        submittedAt: now.toJSDate(),
        publishedAt: status === EventStatus.PUBLISHED ? now.toJSDate() : null,
      });
      created.set(e.slug, event);
      for (const slug of DEMO_THEMES[e.slug] ?? []) if (themes.has(slug)) em.create(EventTheme, { event, theme: themes.get(slug)! });
      if (e.registered) this.registrations(em, event, e.registered, now);
      if (e.kind === EventKind.INTERNATIONAL_DAY) await this.internationalDay(em, event, start, now, associations);
      e.organizers.forEach((slug, i) => {
        em.create(EventOrganizer, {
          event,
          association: associations.get(slug)!,
          role: i === 0 ? OrganizerRole.PRIMARY : OrganizerRole.CO_ORGANIZER,
          status: OrganizerStatus.ACCEPTED,
          respondedAt: now.toJSDate(),
        });
      });
    }
    const seminar = created.get(HELD_SEMINAR_ATTENDANCE.slug);
    if (seminar) {
      const a = HELD_SEMINAR_ATTENDANCE;
      for (let i = 1; i <= a.registered; i++) {
        const registration = em.create(Registration, {
          event: seminar,
          status: RegistrationStatus.CONFIRMED,
          partySize: 1,
          name: `Deltager ${i}`,
          email: `deltager-${i}@demo.mangfold.local`,
          consentVersion: 'demo',
          consentedAt: new Date(seminar.startsAt.getTime() - 7 * 24 * 3600_000),
          checkedInAt: i <= a.checkedIn ? seminar.startsAt : null,
        });
        if (i <= a.answers)
          em.create(Feedback, { registration, event: seminar, satisfied: i <= a.satisfied, score: i <= a.satisfied ? 5 : 2 });
      }
      seminar.seatsTaken = a.registered;
    }
    await em.flush();
    return true;
  }

  /** Confirmed demo registrations, with the event's seat counter to match. */
  private registrations(em: EntityManager, event: Event, count: number, now: DateTime): void {
    const roles = Object.values(AttendeeRole);
    for (let i = 0; i < count; i++) {
      const [first, last] = [DEMO_FIRST_NAMES[i % DEMO_FIRST_NAMES.length], DEMO_LAST_NAMES[(i * 7) % DEMO_LAST_NAMES.length]];
      em.create(Registration, {
        event,
        status: RegistrationStatus.CONFIRMED,
        partySize: 1,
        name: `${first} ${last}`,
        email: `${first}.${last}.${i}@demo.mangfold.local`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
        role: roles[i % roles.length],
        locale: i % 3 === 0 ? 'en' : 'da',
        consentVersion: PRIVACY_NOTICE_VERSION,
        consentedAt: now.minus({ days: 6, hours: i }).toJSDate(),
      });
    }
    event.seatsTaken = count;
  }

  /** The year's International Day on its event: stands, an open window, practical information and a few participants. */
  private async internationalDay(
    em: EntityManager,
    event: Event,
    start: DateTime,
    now: DateTime,
    associations: Map<string, Association>,
  ): Promise<void> {
    if (await em.findOne(InternationalDay, { year: start.year })) return;
    const day = em.create(InternationalDay, {
      year: start.year,
      event,
      standCapacity: 40,
      registrationOpensAt: now.minus({ days: 14 }).toJSDate(),
      registrationClosesAt: start.minus({ days: 7 }).startOf('day').toJSDate(),
      practicalInfo: {
        da: 'Opstilling fra kl. 9. Hver stand får et telt og to borde; strøm efter aftale. Madboder følger Fødevarestyrelsens regler.',
        en: 'Set-up from 9 am. Every stand gets a tent and two tables; power on request. Food stalls follow the Danish food-safety rules.',
      },
    });
    const participants: [string, ParticipationStatus, ParticipationActivity[], Partial<Participation>][] = [
      [
        'indiens-ambassade',
        ParticipationStatus.CONFIRMED,
        [ParticipationActivity.STAND, ParticipationActivity.FOOD],
        { foodHygieneConfirmed: true, tables: 2, needsPower: true },
      ],
      ['valby-kulturbro', ParticipationStatus.PENDING, [ParticipationActivity.PERFORMANCE], { performanceMinutes: 15 }],
      [
        'amager-frivilligcenter',
        ParticipationStatus.CONFIRMED,
        [ParticipationActivity.STAND, ParticipationActivity.WORKSHOP],
        { tables: 1 },
      ],
    ];
    for (const [slug, status, activities, extra] of participants) {
      const association = associations.get(slug)!;
      em.create(Participation, {
        internationalDay: day,
        association,
        participantKind: association.kind,
        status,
        activities,
        needsStand: activities.includes(ParticipationActivity.STAND) || activities.includes(ParticipationActivity.FOOD),
        representatives: 3,
        contactName: `${association.name} (kontakt)`,
        contactEmail: `${slug}@demo.mangfold.local`,
        decidedAt: status === ParticipationStatus.CONFIRMED ? now.toJSDate() : null,
        ...extra,
      });
    }
  }
}

const DEMO_FIRST_NAMES = [
  'Amina',
  'Bo',
  'Chen',
  'Dina',
  'Emil',
  'Fatima',
  'Gustav',
  'Hiba',
  'Ida',
  'Jonas',
  'Kiran',
  'Laila',
  'Mads',
  'Nour',
];
const DEMO_LAST_NAMES = ['Hansen', 'Ali', 'Nielsen', 'Yilmaz', 'Jensen', 'Khan', 'Pedersen', 'Nguyen', 'Larsen', 'Hussein', 'Sørensen'];
