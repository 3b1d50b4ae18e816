import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type SiteLanguage } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { Association, AssociationKind, AssociationsService, AssociationStatus, District, HousingArea } from '@mangfold/associations';
import {
  CalendarLoaders,
  Event,
  EventKind,
  EventQueries,
  EventStatus,
  isPublic,
  Occasion,
  OccasionDate,
  OrganiserStatus,
  ReferenceData,
  type EventRecord,
} from '@mangfold/calendar';
import {
  InternationalDay,
  InternationalDayService,
  Participation,
  ParticipationActivity,
  ParticipationStatus,
} from '@mangfold/registrations';

/** A link to a public actor page, or just a name when the actor has none (not approved). */
export interface ActorRef {
  name: string;
  slug: string | null;
  kind: AssociationKind;
}

/** What a listing shows of one event occurrence; public fields only. */
export interface EventCardData {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  cancelled: boolean;
  place: string | null;
  district: { slug: string; name: string } | null;
  occasion: { slug: string; name: string } | null;
  organisers: ActorRef[];
}

export interface ActorCardData {
  slug: string;
  name: string;
  kind: AssociationKind;
  district: { slug: string; name: string } | null;
  summary: string | null;
}

export interface EventScope {
  districtSlug?: string;
  housingAreaSlug?: string;
  occasionSlug?: string;
  associationSlug?: string;
  kind?: EventKind;
  from?: Date;
  to?: Date;
}

export interface ParticipantData {
  name: string;
  association: ActorRef | null;
  kind: AssociationKind;
  activities: ParticipationActivity[];
}

/** The first sentence-ish of a description for a card: whole words, at most `max` characters. */
function summaryOf(text: string | undefined, max = 180): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, flat.lastIndexOf(' ', max))} …`;
}

const named = (row: { slug: string; name: Record<string, string | undefined> } | undefined, lang: SiteLanguage) =>
  row ? { slug: row.slug, name: localize(row.name, lang) ?? row.slug } : null;

/**
 * What the public pages read, straight from the domain: public events (published, or cancelled
 * after publication) through the calendar's own listing, approved associations, reference data,
 * and International Day's confirmed participants without their contact persons.
 */
@Injectable()
export class SiteData {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventQueries,
    private readonly loaders: CalendarLoaders,
    private readonly reference: ReferenceData,
    private readonly associations: AssociationsService,
    private readonly internationalDays: InternationalDayService,
  ) {}

  /** Public occurrences in scope that have not ended (or within from/to), soonest first. */
  async eventCards(lang: SiteLanguage, scope: EventScope, first: number): Promise<{ cards: EventCardData[]; more: boolean }> {
    const { from = new Date(), to, ...filter } = scope;
    const page = await this.events.listPublic({ ...filter, from, to }, first);
    const cards = await this.cardsOf(
      lang,
      page.edges.map((e) => ({ event: e.node, startsAt: e.occurrence.startsAt, endsAt: e.occurrence.endsAt })),
    );
    return { cards, more: page.pageInfo.hasNextPage };
  }

  private async cardsOf(lang: SiteLanguage, rows: { event: EventRecord; startsAt: Date; endsAt: Date }[]): Promise<EventCardData[]> {
    if (!rows.length) return [];
    const ids = (refs: ({ id: string } | null)[]) => [...new Set(refs.filter((r) => r !== null).map((r) => r.id))];
    const [reference, organisers] = await Promise.all([
      this.reference
        .knowing('district', ids(rows.map((r) => r.event.district)))
        .then(() => this.reference.knowing('occasion', ids(rows.map((r) => r.event.occasion)))),
      this.loaders.organisersByEvent().loadMany([...new Set(rows.map((r) => r.event.id))]),
    ]);
    const organisersById = new Map<string, ActorRef[]>();
    for (const list of organisers) {
      if (list instanceof Error) throw list;
      for (const o of list) {
        if (o.status !== OrganiserStatus.ACCEPTED) continue;
        const actors = organisersById.get(o.eventId) ?? [];
        actors.push(actorRef(o.association));
        organisersById.set(o.eventId, actors);
      }
    }
    const district = reference.districtById;
    const occasion = reference.occasionById;
    return rows.map(({ event, startsAt, endsAt }) => {
      const d = event.district ? district.get(event.district.id) : undefined;
      return {
        slug: event.slug,
        title: localize(event.title, lang) ?? event.slug,
        startsAt,
        endsAt,
        allDay: event.allDay,
        timeZone: event.timeZone,
        cancelled: event.status === EventStatus.CANCELLED,
        place: placeOf(event.location),
        district: named(d, lang),
        occasion: named(event.occasion ? occasion.get(event.occasion.id) : undefined, lang),
        organisers: organisersById.get(event.id) ?? [],
      };
    });
  }

  /** One public event for its poster, or null when it is not public. */
  async publicEvent(lang: SiteLanguage, slug: string): Promise<EventCardData | null> {
    const event = await this.events.findVisible(undefined, { slug });
    if (!event) return null;
    const record = event as unknown as EventRecord;
    const [card] = await this.cardsOf(lang, [{ event: record, startsAt: event.startsAt, endsAt: event.endsAt }]);
    return card;
  }

  /** Approved associations (all kinds, or one), alphabetical, optionally in a district or housing area. */
  async actors(
    lang: SiteLanguage,
    where: { kind?: AssociationKind; districtSlug?: string; housingAreaSlug?: string } = {},
  ): Promise<ActorCardData[]> {
    const rows = await this.em.find(
      Association,
      {
        status: AssociationStatus.APPROVED,
        ...(where.kind ? { kind: where.kind } : {}),
        ...(where.districtSlug ? { district: { slug: where.districtSlug } } : {}),
        ...(where.housingAreaSlug ? { housingArea: { slug: where.housingAreaSlug } } : {}),
      },
      { populate: ['district'], orderBy: { name: 'asc', id: 'asc' } },
    );
    return rows.map((a) => ({
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      district: named(a.district ?? undefined, lang),
      summary: summaryOf(localize(a.description, lang)),
    }));
  }

  /** An approved association with its district and housing area; null for any other status (the service decides). */
  async association(slug: string): Promise<Association | null> {
    const association = await this.associations.findOne({ slug }, undefined);
    if (association) await this.em.populate(association, ['district', 'housingArea']);
    return association;
  }

  async districts(): Promise<readonly District[]> {
    return (await this.reference.snapshot()).districts;
  }

  async district(slug: string): Promise<District | null> {
    return (await this.reference.snapshot()).districts.find((d) => d.slug === slug) ?? null;
  }

  /** Housing areas (of one district), by slug. */
  async housingAreas(districtSlug?: string): Promise<readonly HousingArea[]> {
    const reference = await this.reference.snapshot();
    const district = districtSlug === undefined ? undefined : reference.districts.find((d) => d.slug === districtSlug);
    if (districtSlug !== undefined && !district) return [];
    return district ? reference.housingAreas.filter((h) => h.district.id === district.id) : reference.housingAreas;
  }

  /** A housing area with its district. */
  async housingArea(slug: string): Promise<HousingArea | null> {
    const reference = await this.reference.snapshot();
    const area = reference.housingAreas.find((h) => h.slug === slug);
    const district = area && reference.districtById.get(area.district.id);
    return area && district ? { ...area, district } : null;
  }

  async occasions(): Promise<readonly Occasion[]> {
    return (await this.reference.snapshot()).occasions;
  }

  async occasion(slug: string): Promise<Occasion | null> {
    return (await this.reference.snapshot()).occasions.find((o) => o.slug === slug) ?? null;
  }

  occasionDates(occasion: Occasion, years: number[]): Promise<OccasionDate[]> {
    return this.em.find(OccasionDate, { occasion: occasion.id, year: { $in: years } }, { orderBy: { year: 'asc' } });
  }

  /** Occasions still to come or going on (by their dates in the table), soonest first. */
  upcomingOccasionDates(today: string, limit: number): Promise<OccasionDate[]> {
    return this.em.find(
      OccasionDate,
      { endsOn: { $gte: today } },
      { populate: ['occasion'], orderBy: { startsOn: 'asc', occasion: { slug: 'asc' } }, limit },
    );
  }

  /** A year's International Day, once its event is public: before that its date is not the public's to see. */
  async internationalDay(year: number): Promise<InternationalDay | null> {
    const day = await this.internationalDays.findByYear(year);
    if (!day) return null;
    await this.em.populate(day, ['event']);
    return isPublic(day.event) ? day : null;
  }

  /** The years whose International Day is public (its event published, or cancelled after publication). */
  internationalDayYears(): Promise<number[]> {
    return this.em
      .find(
        InternationalDay,
        { $or: [{ event: { status: EventStatus.PUBLISHED } }, { event: { status: EventStatus.CANCELLED, publishedAt: { $ne: null } } }] },
        { fields: ['year'], orderBy: { year: 'asc' } },
      )
      .then((days) => days.map((d) => d.year));
  }

  /** Who takes part: confirmed participants by name, kind and activities; never their contact persons. */
  async confirmedParticipants(day: InternationalDay): Promise<ParticipantData[]> {
    const rows = await this.em.find(
      Participation,
      { internationalDay: day, status: ParticipationStatus.CONFIRMED },
      {
        populate: ['association'],
        fields: ['organisationName', 'participantKind', 'activities', 'association'],
        orderBy: { queuePosition: 'asc' },
      },
    );
    return rows
      .map((p) => ({
        name: p.association?.name ?? p.organisationName ?? '',
        association: p.association ? actorRef(p.association) : null,
        kind: p.participantKind,
        activities: p.activities,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  /** Everything the sitemap names: public events, approved associations and the reference data. */
  async sitemapEntries(): Promise<{
    events: string[];
    actors: { slug: string; kind: AssociationKind }[];
    districts: string[];
    housingAreas: string[];
    occasions: string[];
    internationalDayYears: number[];
  }> {
    const [events, actors, districts, housingAreas, occasions, years] = await Promise.all([
      this.em.find(
        Event,
        { $or: [{ status: EventStatus.PUBLISHED }, { status: EventStatus.CANCELLED, publishedAt: { $ne: null } }] },
        { fields: ['slug'], orderBy: { slug: 'asc' } },
      ),
      this.em.find(Association, { status: AssociationStatus.APPROVED }, { fields: ['slug', 'kind'], orderBy: { slug: 'asc' } }),
      this.districts(),
      this.housingAreas(),
      this.occasions(),
      this.internationalDayYears(),
    ]);
    return {
      events: events.map((e) => e.slug),
      actors: actors.map((a) => ({ slug: a.slug, kind: a.kind })),
      districts: districts.map((d) => d.slug),
      housingAreas: housingAreas.map((h) => h.slug),
      occasions: occasions.map((o) => o.slug),
      internationalDayYears: years,
    };
  }
}

/** Where an event is, as one line: its place's name and address (once, when they are the same). */
export function placeOf(location: { name: string | null; address: string | null }): string | null {
  return [...new Set([location.name, location.address].filter((part) => !!part))].join(', ') || null;
}

/** An actor links to its page only when it has one, i.e. when it is approved. */
function actorRef(a: { name: string; slug: string; kind: AssociationKind; status: AssociationStatus }): ActorRef {
  return { name: a.name, slug: a.status === AssociationStatus.APPROVED ? a.slug : null, kind: a.kind };
}
