import { Injectable } from '@nestjs/common';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { District, FORMER_DISTRICT_SLUGS, FORMER_HOUSING_AREA_SLUGS, HousingArea } from '@mangfold/associations';
import { toLocalizedText } from '@mangfold/db';
import { BadUserInputError, parseId, type FieldErrors } from '@mangfold/graphql';
import { Event, EventLocation } from './event.entity';
import { Occasion } from './occasion.entity';
import type { CreateEventInput, UpdateEventInput } from './inputs/event.inputs';
import { resolveEventTimes, type EventTimes } from './time/event-times';

type Details = CreateEventInput | UpdateEventInput;
type ReferenceName = 'district' | 'housingArea' | 'occasion';

const FORMER_SLUGS: Partial<Record<ReferenceName, ReadonlyMap<string, string>>> = {
  district: FORMER_DISTRICT_SLUGS,
  housingArea: FORMER_HOUSING_AREA_SLUGS,
};

/** The input field that named a reference: its id or its slug. */
const given = (input: Details, name: ReferenceName): string => (input[`${name}Slug`] !== undefined ? `${name}Slug` : `${name}Id`);

/**
 * An event's details from a create or update input: times, place, registration window and texts,
 * every problem reported by field at once, nothing changed unless all is well.
 */
@Injectable()
export class EventDetails {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /**
   * The district, housing area or occasion an input names by `<name>Id` or `<name>Slug` (one of
   * the two): undefined when left out, null when cleared; an unknown one is recorded in errors.
   */
  private async reference<T extends District | HousingArea | Occasion>(
    em: EntityManager,
    entity: EntityClass<T>,
    input: Details,
    name: ReferenceName,
    [noun, query]: [string, string],
    errors: FieldErrors,
  ): Promise<T | null | undefined> {
    const id = input[`${name}Id`];
    const slug = input[`${name}Slug`];
    if (id !== undefined && slug !== undefined) {
      errors[`${name}Slug`] = `give ${name}Id or ${name}Slug, not both`;
      return undefined;
    }
    if (id === undefined && slug === undefined) return undefined;
    if (id === null || slug === null) return null;
    const where = id !== undefined ? { id: parseId(id, `${name}Id`) } : { slug };
    const found = await em.findOne<T>(entity, where as FilterQuery<T>);
    if (!found) {
      errors[given(input, name)] =
        id !== undefined
          ? `${name}Id is not the id of ${noun}`
          : FORMER_SLUGS[name]?.has(slug!)
            ? `${name}Slug "${slug}" is now "${FORMER_SLUGS[name].get(slug!)}"`
            : `${name}Slug is not ${noun} (see the ${query} query)`;
    }
    return found;
  }

  /** Applies the detail fields of an input, collecting every problem by field before throwing. */
  async apply(
    em: EntityManager,
    event: Event,
    input: Details,
    current: Event | null,
    defaultDistrict: District | null = null,
  ): Promise<void> {
    const errors: FieldErrors = {};
    const timesResult = resolveEventTimes(input, current ? timesOf(current) : null, this.config.time.defaultZone);
    if (!timesResult.ok) Object.assign(errors, timesResult.errors);
    const place = await this.place(em, input, current, defaultDistrict, errors);
    const capacity = input.capacity === undefined ? (current?.capacity ?? null) : input.capacity;
    const opens = input.registrationOpensAt === undefined ? (current?.registrationOpensAt ?? null) : input.registrationOpensAt;
    const closes = input.registrationClosesAt === undefined ? (current?.registrationClosesAt ?? null) : input.registrationClosesAt;
    Object.assign(
      errors,
      detailProblems(input, current, { capacity, opens, closes, lastEndsAt: timesResult.ok ? timesResult.times.lastEndsAt : null }),
    );
    if (Object.keys(errors).length || !timesResult.ok) throw new BadUserInputError(errors);

    Object.assign(event, timesResult.times);
    event.district = place.district;
    event.housingArea = place.housingArea;
    if (place.occasion !== undefined) event.occasion = place.occasion;
    event.capacity = capacity;
    event.registrationOpensAt = opens;
    event.registrationClosesAt = closes;
    assignTexts(event, input);
  }

  /** The district, housing area and occasion the event will have; problems go into errors. */
  private async place(
    em: EntityManager,
    input: Details,
    current: Event | null,
    defaultDistrict: District | null,
    errors: FieldErrors,
  ): Promise<{ district: District | null; housingArea: HousingArea | null; occasion: Occasion | null | undefined }> {
    const [district, housingArea, occasion] = await Promise.all([
      this.reference(em, District, input, 'district', ['a district', 'districts'], errors),
      this.reference(em, HousingArea, input, 'housingArea', ['a housing area', 'housingAreas'], errors),
      this.reference(em, Occasion, input, 'occasion', ['an occasion', 'occasions'], errors),
    ]);

    // The event's own area is a bare reference after lock(); its district is needed below.
    if (housingArea === undefined && current?.housingArea) await em.populate(current, ['housingArea']);
    // A housing area lies in one district: set the district from it, and refuse a contradiction.
    let nextDistrict = district === undefined ? (current?.district ?? null) : district;
    const nextArea = housingArea === undefined ? (current?.housingArea ?? null) : housingArea;
    if (nextArea && housingArea !== undefined && district === undefined) nextDistrict = nextArea.district;
    if (nextArea && nextDistrict && nextArea.district.id !== nextDistrict.id) {
      const areaField = given(input, 'housingArea');
      const districtField = given(input, 'district');
      if (housingArea !== undefined) errors[areaField] = `${areaField} lies in another district than ${districtField}`;
      else errors[districtField] = `${districtField} does not contain the event's housing area; change or clear ${areaField} too`;
    }
    if (nextArea && !nextDistrict) nextDistrict = nextArea.district;
    // Left out on creation, the district is the organiser's, so the event shows in that district's feed.
    if (!current && district === undefined && !nextDistrict) nextDistrict = defaultDistrict;
    return { district: nextDistrict, housingArea: nextArea, occasion };
  }
}

/** Problems of the location, capacity and registration window an input leaves the event with. */
function detailProblems(
  input: Details,
  current: Event | null,
  next: { capacity: number | null; opens: Date | null; closes: Date | null; lastEndsAt: Date | null },
): FieldErrors {
  const errors: FieldErrors = {};
  const location = input.location;
  if (location) {
    const hasLat = location.latitude !== undefined && location.latitude !== null;
    const hasLng = location.longitude !== undefined && location.longitude !== null;
    if (hasLat && !hasLng) errors['location.longitude'] = 'location.longitude is required with a latitude';
    if (hasLng && !hasLat) errors['location.latitude'] = 'location.latitude is required with a longitude';
  }
  if (current && next.capacity !== null && next.capacity < current.seatsTaken) {
    errors.capacity = `capacity cannot be less than the ${current.seatsTaken} seats already taken`;
  }
  if (next.opens && next.closes && next.opens.getTime() >= next.closes.getTime()) {
    errors.registrationClosesAt = 'registrationClosesAt must be after registrationOpensAt';
  }
  if (next.closes && next.lastEndsAt && next.closes.getTime() > next.lastEndsAt.getTime()) {
    errors.registrationClosesAt = 'registrationClosesAt must be before the event ends';
  }
  return errors;
}

/** Sets the fields that need no checking across fields: texts, location, languages, price. */
function assignTexts(event: Event, input: Details): void {
  if (input.kind) event.kind = input.kind;
  if (input.title) event.title = toLocalizedText(input.title);
  if (input.description !== undefined) event.description = toLocalizedText(input.description);
  const location = input.location;
  if (location !== undefined) {
    const next = new EventLocation();
    if (location) {
      next.name = location.name ?? null;
      next.address = location.address ?? null;
      next.postalCode = location.postalCode ?? null;
      next.city = location.city ?? null;
      next.latitude = location.latitude ?? null;
      next.longitude = location.longitude ?? null;
    }
    event.location = next;
  }
  if (input.registrationRequired !== undefined && input.registrationRequired !== null)
    event.registrationRequired = input.registrationRequired;
  if (input.languages !== undefined && input.languages !== null) event.languages = [...input.languages];
  if (input.audience !== undefined) event.audience = toLocalizedText(input.audience);
  if (input.accessibility !== undefined) event.accessibility = toLocalizedText(input.accessibility);
  if (input.isFree !== undefined && input.isFree !== null) event.isFree = input.isFree;
  if (input.price !== undefined) event.priceInfo = toLocalizedText(input.price);
}

function timesOf(e: Event): EventTimes {
  return {
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    allDay: e.allDay,
    timeZone: e.timeZone,
    recurrence: e.recurrence,
    recurrenceExceptions: e.recurrenceExceptions,
    lastEndsAt: e.lastEndsAt,
  };
}
