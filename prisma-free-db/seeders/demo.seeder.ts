import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { Role, User, hashPassword } from '@mangfold/auth';
import {
  Association,
  AssociationKind,
  AssociationLocation,
  AssociationStatus,
  District,
  HousingArea,
  Membership,
} from '@mangfold/associations';
import {
  Event,
  EventKind,
  EventOrganiser,
  EventStatus,
  EventTheme,
  Occasion,
  OrganiserRole,
  OrganiserStatus,
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
import { DEMO_ZONE, demoDay, type DemoTiming, type OccasionDatesOf } from './demo-dates';

export const DEMO_MEMBER_PASSWORD = 'demo-password-2026';

interface DemoAssociation {
  slug: string;
  name: string;
  kind: AssociationKind;
  district: string;
  housingArea?: string;
  da: string;
  en: string;
  /** Its public place on the TFI-atlas; without coordinates it is listed there but not drawn. */
  location?: { address: string; postalCode: string; city: string; latitude?: number; longitude?: number };
}

const ASSOCIATIONS: DemoAssociation[] = [
  {
    slug: 'mjoelnerparkens-beboerforening',
    name: 'Mjølnerparkens Beboerforening',
    kind: AssociationKind.ASSOCIATION,
    district: 'noerrebro',
    housingArea: 'mjoelnerparken',
    da: 'Beboerforening med fællesspisning og kulturaftener.',
    en: 'Residents’ association with shared dinners and culture nights.',
    location: { address: 'Mjølnerparken 2', postalCode: '2200', city: 'København N', latitude: 55.7005, longitude: 12.5424 },
  },
  {
    slug: 'valby-kulturbro',
    name: 'Valby Kulturbro',
    kind: AssociationKind.PROJECT,
    district: 'valby',
    housingArea: 'akacieparken',
    da: 'Projekt der bygger bro mellem kulturer i Valby.',
    en: 'A project bridging cultures in Valby.',
    location: { address: 'Valgårdsvej 4', postalCode: '2500', city: 'Valby', latitude: 55.6626, longitude: 12.5152 },
  },
  {
    slug: 'amager-frivilligcenter',
    name: 'Amager Frivilligcenter',
    kind: AssociationKind.VOLUNTARY_ORGANISATION,
    district: 'amager-vest',
    da: 'Frivillige der skaber fællesskab på Amager.',
    en: 'Volunteers building community on Amager.',
    location: { address: 'Sundholmsvej 8', postalCode: '2300', city: 'København S', latitude: 55.656, longitude: 12.589 },
  },
  {
    slug: 'tingbjerg-ungdomsklub',
    name: 'Tingbjerg Ungdomsklub',
    kind: AssociationKind.VOLUNTARY_ORGANISATION,
    district: 'broenshoej-husum',
    housingArea: 'tingbjerg',
    da: 'Ungdomsklub med musik, sport og madlavning.',
    en: 'Youth club with music, sports and cooking.',
    location: { address: 'Ruten 6', postalCode: '2700', city: 'Brønshøj', latitude: 55.7166, longitude: 12.4734 },
  },
  {
    slug: 'indiens-ambassade',
    name: 'Indiens Ambassade',
    kind: AssociationKind.EMBASSY,
    district: 'oesterbro',
    da: 'Indiens ambassade i København.',
    en: 'The Embassy of India in Copenhagen.',
    location: { address: 'Vangehusvej 15', postalCode: '2100', city: 'København Ø', latitude: 55.7177, longitude: 12.5755 },
  },
  {
    slug: 'taskforce-integration',
    name: 'TaskForce Integration',
    kind: AssociationKind.MUNICIPAL_UNIT,
    district: 'indre-by',
    da: 'Københavns Kommunes taskforce for integration.',
    en: 'The City of Copenhagen’s integration task force.',
    location: { address: 'Rådhuspladsen 1', postalCode: '1550', city: 'København V', latitude: 55.6761, longitude: 12.5683 },
  },
  {
    slug: 'lektiecafe-lundtoftegade',
    name: 'Lektiecafé Lundtoftegade',
    kind: AssociationKind.PROJECT,
    district: 'noerrebro',
    housingArea: 'lundtoftegade',
    da: 'Frivillige hjælper børn og unge med lektierne tre dage om ugen.',
    en: 'Volunteers help children and young people with their homework three days a week.',
    location: { address: 'Lundtoftegade 97', postalCode: '2200', city: 'København N', latitude: 55.6985, longitude: 12.5395 },
  },
  {
    slug: 'aldersrogade-kvindeklub',
    name: 'Kvindeklubben i Aldersrogade',
    kind: AssociationKind.ASSOCIATION,
    district: 'bispebjerg',
    housingArea: 'aldersrogade',
    da: 'Kvinder fra mange lande mødes om madlavning, motion og dansk.',
    en: 'Women from many countries meet for cooking, exercise and Danish.',
    location: { address: 'Aldersrogade 6', postalCode: '2100', city: 'København Ø' },
  },
];

interface DemoEvent {
  slug: string;
  kind: EventKind;
  da: string;
  en: string;
  descriptionDa: string;
  descriptionEn: string;
  /** Which day, seen from today (see demo-dates). */
  when: DemoTiming;
  /** Local start hour. */
  hour: number;
  hours: number;
  district: string;
  housingArea?: string;
  organisers: string[];
  location: { name: string; address: string; postalCode: string; city: string; latitude: number; longitude: number };
  capacity?: number;
  registrationRequired?: boolean;
  /** Demo people already registered (confirmed seats), so the organiser tools have something to show. */
  registered?: number;
  languages: string[];
  status?: EventStatus;
}

const EVENTS: DemoEvent[] = [
  {
    slug: 'eid-faellesspisning-mjoelnerparken',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Eid-fællesspisning i Mjølnerparken',
    en: 'Eid community dinner in Mjølnerparken',
    descriptionDa: 'Vi fejrer Eid med mad fra hele verden. Alle er velkomne.',
    descriptionEn: 'We celebrate Eid with food from all over the world. Everyone is welcome.',
    when: { occasion: 'eid-al-fitr', edition: 'this-year', on: 'day' },
    hour: 17,
    hours: 4,
    district: 'noerrebro',
    housingArea: 'mjoelnerparken',
    organisers: ['mjoelnerparkens-beboerforening', 'amager-frivilligcenter'],
    location: {
      name: 'Fælleshuset',
      address: 'Mjølnerparken 2',
      postalCode: '2200',
      city: 'København N',
      latitude: 55.7005,
      longitude: 12.5424,
    },
    languages: ['da', 'ar'],
  },
  {
    slug: 'nowruz-i-valby',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Nowruz i Valby',
    en: 'Nowruz in Valby',
    descriptionDa: 'Persisk nytår med musik og haft-sin-bord.',
    descriptionEn: 'Persian New Year with music and a haft-sin table.',
    when: { occasion: 'nowruz', edition: 'this-year', on: 'weekend' },
    hour: 15,
    hours: 3,
    district: 'valby',
    housingArea: 'akacieparken',
    organisers: ['valby-kulturbro'],
    location: {
      name: 'Valby Kulturhus',
      address: 'Valgårdsvej 4',
      postalCode: '2500',
      city: 'Valby',
      latitude: 55.6626,
      longitude: 12.5152,
    },
    languages: ['da', 'fa'],
  },
  {
    slug: 'diwali-lysfest',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Diwali-lysfest',
    en: 'Diwali festival of lights',
    descriptionDa: 'Lys, dans og indisk mad.',
    descriptionEn: 'Lights, dance and Indian food.',
    when: { occasion: 'diwali', edition: 'next', on: 'day' },
    hour: 18,
    hours: 3,
    district: 'oesterbro',
    organisers: ['indiens-ambassade'],
    location: {
      name: 'Østerbro Kulturhus',
      address: 'Århusgade 103',
      postalCode: '2100',
      city: 'København Ø',
      latitude: 55.7079,
      longitude: 12.5799,
    },
    languages: ['en', 'hi'],
  },
  {
    slug: 'modersmaalsdag-tingbjerg',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Modersmålsdag i Tingbjerg',
    en: 'Mother Language Day in Tingbjerg',
    descriptionDa: 'Oplæsning og sange på mange sprog.',
    descriptionEn: 'Readings and songs in many languages.',
    when: { occasion: 'international-mother-language-day', edition: 'next', on: 'weekend' },
    hour: 14,
    hours: 3,
    district: 'broenshoej-husum',
    housingArea: 'tingbjerg',
    organisers: ['tingbjerg-ungdomsklub', 'mjoelnerparkens-beboerforening'],
    location: {
      name: 'Tingbjerg Bibliotek',
      address: 'Ruten 6',
      postalCode: '2700',
      city: 'Brønshøj',
      latitude: 55.7166,
      longitude: 12.4734,
    },
    languages: ['da', 'so', 'ar', 'ur'],
  },
  {
    slug: 'seminar-projektledelse-frivillige',
    kind: EventKind.SEMINAR,
    da: 'Seminar: projektledelse for frivillige',
    en: 'Seminar: project management for volunteers',
    descriptionDa: 'Værktøjer til at planlægge og lede frivillige projekter.',
    descriptionEn: 'Tools for planning and leading volunteer projects.',
    when: { inDays: 21, days: 'working-day' },
    hour: 13,
    hours: 3,
    district: 'indre-by',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Københavns Rådhus',
      address: 'Rådhuspladsen 1',
      postalCode: '1550',
      city: 'København V',
      latitude: 55.6761,
      longitude: 12.5683,
    },
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
    when: { inDays: 35, days: 'working-day' },
    hour: 17,
    hours: 2,
    district: 'noerrebro',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Nørrebrohallen',
      address: 'Bragesgade 5',
      postalCode: '2200',
      city: 'København N',
      latitude: 55.6994,
      longitude: 12.5446,
    },
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
    when: { internationalDay: 'next' },
    hour: 11,
    hours: 6,
    district: 'indre-by',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Rådhuspladsen',
      address: 'Rådhuspladsen',
      postalCode: '1550',
      city: 'København V',
      latitude: 55.6759,
      longitude: 12.5691,
    },
    capacity: 40,
    languages: ['da', 'en'],
  },
  {
    slug: 'international-dag-forrige',
    kind: EventKind.INTERNATIONAL_DAY,
    da: 'International Dag',
    en: 'International Day',
    descriptionDa: 'Foreninger, organisationer og ambassader viser deres kultur med stande, optrædener og mad.',
    descriptionEn: 'Associations, organisations and embassies show their culture with stands, performances and food.',
    when: { internationalDay: 'last' },
    hour: 11,
    hours: 6,
    district: 'indre-by',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Rådhuspladsen',
      address: 'Rådhuspladsen',
      postalCode: '1550',
      city: 'København V',
      latitude: 55.6759,
      longitude: 12.5691,
    },
    capacity: 40,
    languages: ['da', 'en'],
  },
  {
    slug: 'kinesisk-nytaar-amager',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Kinesisk nytår på Amager',
    en: 'Chinese New Year on Amager',
    descriptionDa: 'Dragedans, papirklip og dumplings til hele familien.',
    descriptionEn: 'Dragon dance, paper cutting and dumplings for the whole family.',
    when: { occasion: 'chinese-new-year', edition: 'next', on: 'weekend' },
    hour: 13,
    hours: 4,
    district: 'amager-vest',
    organisers: ['amager-frivilligcenter'],
    location: {
      name: 'Kulturhuset Islands Brygge',
      address: 'Islands Brygge 18',
      postalCode: '2300',
      city: 'København S',
      latitude: 55.6645,
      longitude: 12.5779,
    },
    languages: ['da', 'zh'],
  },
  {
    slug: 'eid-al-adha-tingbjerg',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Eid al-Adha i Tingbjerg',
    en: 'Eid al-Adha in Tingbjerg',
    descriptionDa: 'Fællesspisning og leg for børn og voksne efter festbønnen.',
    descriptionEn: 'A shared meal and games for children and adults after the festive prayer.',
    when: { occasion: 'eid-al-adha', edition: 'next', on: 'day' },
    hour: 16,
    hours: 4,
    district: 'broenshoej-husum',
    housingArea: 'tingbjerg',
    organisers: ['tingbjerg-ungdomsklub'],
    location: {
      name: 'Tingbjerg Bibliotek',
      address: 'Ruten 6',
      postalCode: '2700',
      city: 'Brønshøj',
      latitude: 55.7166,
      longitude: 12.4734,
    },
    languages: ['da', 'ar', 'so'],
  },
  // The year's KPI picture (KPIS.md) once the spring and summer occasions have passed: local associations
  // held cultural events marking them (one co-organised by two voluntary organisations), an embassy's
  // event that does not count, a held seminar with feedback, and planned events that put the rest on track.
  {
    slug: 'holi-farvefest-amager',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Holi-farvefest på Amager',
    en: 'Holi festival of colours on Amager',
    descriptionDa: 'Farver, musik og mad til hele familien.',
    descriptionEn: 'Colours, music and food for the whole family.',
    when: { occasion: 'holi', edition: 'this-year', on: 'weekend' },
    hour: 14,
    hours: 4,
    district: 'amager-vest',
    organisers: ['amager-frivilligcenter', 'tingbjerg-ungdomsklub'],
    location: {
      name: 'Amager Fælled, Kulturhavn',
      address: 'Artillerivej 73',
      postalCode: '2300',
      city: 'København S',
      latitude: 55.6617,
      longitude: 12.5849,
    },
    languages: ['da', 'hi', 'en'],
  },
  {
    slug: 'sankt-hans-mjoelnerparken',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Sankt Hans i Mjølnerparken',
    en: 'Midsummer Eve in Mjølnerparken',
    descriptionDa: 'Bål, sange og fællesspisning med naboer fra hele verden.',
    descriptionEn: 'Bonfire, songs and a shared dinner with neighbours from all over the world.',
    when: { occasion: 'sankt-hans', edition: 'this-year', on: 'day' },
    hour: 19,
    hours: 4,
    district: 'noerrebro',
    housingArea: 'mjoelnerparken',
    organisers: ['mjoelnerparkens-beboerforening', 'valby-kulturbro'],
    location: {
      name: 'Fælleshuset',
      address: 'Mjølnerparken 2',
      postalCode: '2200',
      city: 'København N',
      latitude: 55.7005,
      longitude: 12.5424,
    },
    languages: ['da', 'ar'],
  },
  {
    slug: 'indisk-kulturaften',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Indisk kulturaften',
    en: 'Indian culture night',
    descriptionDa: 'Ambassaden viser dans, musik og film.',
    descriptionEn: 'The embassy shows dance, music and film.',
    when: { occasion: 'holi', edition: 'this-year', on: 'day' },
    hour: 19,
    hours: 3,
    district: 'oesterbro',
    organisers: ['indiens-ambassade'],
    location: {
      name: 'Østerbro Kulturhus',
      address: 'Århusgade 103',
      postalCode: '2100',
      city: 'København Ø',
      latitude: 55.7079,
      longitude: 12.5799,
    },
    languages: ['en', 'hi'],
  },
  {
    slug: 'seminar-frivillige-i-boligomraader',
    kind: EventKind.SEMINAR,
    da: 'Seminar: frivillige i boligområderne',
    en: 'Seminar: volunteers in the housing areas',
    descriptionDa: 'Erfaringer fra Mjølnerparken, Akacieparken og Tingbjerg.',
    descriptionEn: 'Experience from Mjølnerparken, Akacieparken and Tingbjerg.',
    when: { thisYear: 'held', at: 0.4, days: 'working-day' },
    hour: 13,
    hours: 3,
    district: 'indre-by',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Københavns Rådhus',
      address: 'Rådhuspladsen 1',
      postalCode: '1550',
      city: 'København V',
      latitude: 55.6761,
      longitude: 12.5683,
    },
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
    when: { thisYear: 'held', at: 0.7, days: 'working-day' },
    hour: 17,
    hours: 2,
    district: 'bispebjerg',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Bispebjerg Bibliotek',
      address: 'Rentemestervej 76',
      postalCode: '2400',
      city: 'København NV',
      latitude: 55.7091,
      longitude: 12.5349,
    },
    languages: ['da'],
  },
  {
    slug: 'seminar-projektledelse-efteraar',
    kind: EventKind.SEMINAR,
    da: 'Seminar: projektledelse, del 2',
    en: 'Seminar: project management, part 2',
    descriptionDa: 'Fra idé til ansøgning og evaluering.',
    descriptionEn: 'From idea to application and evaluation.',
    when: { thisYear: 'planned', at: 0.4, days: 'working-day' },
    hour: 13,
    hours: 3,
    district: 'indre-by',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Københavns Rådhus',
      address: 'Rådhuspladsen 1',
      postalCode: '1550',
      city: 'København V',
      latitude: 55.6761,
      longitude: 12.5683,
    },
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
    when: { thisYear: 'planned', at: 0.3, days: 'working-day' },
    hour: 17,
    hours: 2,
    district: 'valby',
    organisers: ['taskforce-integration'],
    location: {
      name: 'Valby Kulturhus',
      address: 'Valgårdsvej 4',
      postalCode: '2500',
      city: 'Valby',
      latitude: 55.6626,
      longitude: 12.5152,
    },
    languages: ['da', 'en'],
  },
  {
    slug: 'sprogcafe-tingbjerg-amager',
    kind: EventKind.CULTURAL_EVENT,
    da: 'Sprogcafé: mange sprog, ét fællesskab',
    en: 'Language café: many languages, one community',
    descriptionDa: 'Frivillige fra Tingbjerg og Amager inviterer til sprogleg og sang.',
    descriptionEn: 'Volunteers from Tingbjerg and Amager invite you to language games and songs.',
    when: { thisYear: 'planned', at: 0.6, days: 'weekend' },
    hour: 14,
    hours: 3,
    district: 'broenshoej-husum',
    housingArea: 'tingbjerg',
    organisers: ['tingbjerg-ungdomsklub', 'amager-frivilligcenter'],
    location: {
      name: 'Tingbjerg Bibliotek',
      address: 'Ruten 6',
      postalCode: '2700',
      city: 'Brønshøj',
      latitude: 55.7166,
      longitude: 12.4734,
    },
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

export interface DemoEventPlan {
  slug: string;
  kind: EventKind;
  occasion: string | null;
  start: DateTime;
  end: DateTime;
}

/** When each demo event falls, seen from `now`; events whose occasion has no dates for the years needed are left out. */
export function planDemoEvents(now: Date, datesOf: OccasionDatesOf): DemoEventPlan[] {
  const local = DateTime.fromJSDate(now).setZone(DEMO_ZONE);
  return EVENTS.flatMap((e) => {
    const day = demoDay(e.when, local, e.hour, datesOf);
    if (!day) return [];
    const start = day.set({ hour: e.hour });
    return [
      { slug: e.slug, kind: e.kind, occasion: 'occasion' in e.when ? e.when.occasion : null, start, end: start.plus({ hours: e.hours }) },
    ];
  });
}

/**
 * Demo data for `npm start` and `npm run seed:demo`: associations of every kind, events in
 * several districts marking several occasions on their dates (this year's and the next), seminars,
 * network meetings and an International Day, placed from `now` (demo-dates) so the demo never goes stale.
 */
export class DemoSeeder {
  constructor(private readonly options: { force?: boolean; now?: Date } = {}) {}

  /** Returns false (and writes nothing) when the database already has associations and force is off. */
  async load(em: EntityManager): Promise<boolean> {
    if (!this.options.force && (await em.count(Association, {})) > 0) return false;
    const now = DateTime.fromJSDate(this.options.now ?? new Date()).setZone(DEMO_ZONE);
    const districts = new Map((await em.find(District, {})).map((d) => [d.slug, d]));
    const areas = new Map((await em.find(HousingArea, {})).map((a) => [a.slug, a]));
    const occasions = new Map((await em.find(Occasion, {}, { populate: ['dates'] })).map((o) => [o.slug, o]));
    const datesOf: OccasionDatesOf = (slug, year) => occasions.get(slug)?.dates.find((d) => d.year === year);
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
        location: Object.assign(new AssociationLocation(), a.location),
      });
      associations.set(a.slug, association);
      const email = `${a.slug}@demo.mangfold.local`;
      const user =
        (await em.findOne(User, { email })) ?? em.create(User, { email, passwordHash, role: Role.ASSOCIATION_MEMBER, name: a.name });
      em.create(Membership, { user, association });
    }

    const created = new Map<string, Event>();
    const plans = new Map(planDemoEvents(now.toJSDate(), datesOf).map((p) => [p.slug, p]));
    for (const e of EVENTS) {
      const plan = plans.get(e.slug);
      if (!plan || (await em.findOne(Event, { slug: e.slug }))) continue;
      const { start, end } = plan;
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
        timeZone: DEMO_ZONE,
        location: e.location,
        district: districts.get(e.district) ?? null,
        housingArea: e.housingArea ? (areas.get(e.housingArea) ?? null) : null,
        occasion: 'occasion' in e.when ? (occasions.get(e.when.occasion) ?? null) : null,
        capacity: e.capacity ?? null,
        registrationRequired: e.registrationRequired ?? false,
        // Open a week ago (three weeks before a held one), closing the day before: upcoming ones are open.
        registrationOpensAt: e.registrationRequired ? DateTime.min(now.minus({ days: 7 }), start.minus({ days: 21 })).toJSDate() : null,
        registrationClosesAt: e.registrationRequired ? start.minus({ days: 1 }).toJSDate() : null,
        languages: e.languages,
        submittedAt: now.toJSDate(),
        publishedAt: status === EventStatus.PUBLISHED ? now.toJSDate() : null,
      });
      created.set(e.slug, event);
      for (const slug of DEMO_THEMES[e.slug] ?? []) if (themes.has(slug)) em.create(EventTheme, { event, theme: themes.get(slug)! });
      if (e.registered) this.registrations(em, event, e.registered, now);
      if (e.kind === EventKind.INTERNATIONAL_DAY) await this.internationalDay(em, event, start, now, associations);
      e.organisers.forEach((slug, i) => {
        em.create(EventOrganiser, {
          event,
          association: associations.get(slug)!,
          role: i === 0 ? OrganiserRole.PRIMARY : OrganiserRole.CO_ORGANIZER,
          status: OrganiserStatus.ACCEPTED,
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

  /** An International Day on its event: stands, its sign-up window, practical information and a few participants. */
  private async internationalDay(
    em: EntityManager,
    event: Event,
    start: DateTime,
    now: DateTime,
    associations: Map<string, Association>,
  ): Promise<void> {
    if (await em.findOne(InternationalDay, { year: start.year })) return;
    // The last one held had its sign-up in spring; the next one's opened a fortnight ago.
    const held = start < now;
    const day = em.create(InternationalDay, {
      year: start.year,
      event,
      standCapacity: 40,
      registrationOpensAt: (held ? start.minus({ days: 90 }) : now.minus({ days: 14 })).toJSDate(),
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
      [
        'valby-kulturbro',
        held ? ParticipationStatus.CONFIRMED : ParticipationStatus.PENDING,
        [ParticipationActivity.PERFORMANCE],
        { performanceMinutes: 15 },
      ],
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
        decidedAt: status === ParticipationStatus.CONFIRMED ? (held ? start.minus({ days: 14 }) : now).toJSDate() : null,
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
