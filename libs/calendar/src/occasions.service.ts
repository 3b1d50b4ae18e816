import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '@mangfold/auth';
import { audit, slugify, toLocalizedText } from '@mangfold/db';
import { BadUserInputError, NotFoundError, parseId, type FieldErrors } from '@mangfold/graphql';
import { JobName, enqueue } from '@mangfold/jobs';
import { OccasionDate } from './occasion-date.entity';
import { Occasion } from './occasion.entity';
import { ReferenceData } from './reference-data.service';
import { diffSnapshots } from './event-rules';
import type { CreateOccasionInput, OccasionDateInput, UpdateOccasionInput } from './inputs/occasion.inputs';

const ENTITY = 'Occasion';
/** Ramadan is the longest occasion we know of (about 30 days); two months leaves room without letting typos through. */
const MAX_OCCASION_DAYS = 62;

function checkDates(dates: OccasionDateInput[] | undefined, errors: FieldErrors): void {
  const years = new Map<number, number>();
  (dates ?? []).forEach((d, i) => {
    const at = `dates.${i}`;
    if (years.has(d.year)) errors[`${at}.year`] = `${at}.year ${d.year} is given twice (at dates.${years.get(d.year)})`;
    years.set(d.year, i);
    if (Number(d.startsOn.slice(0, 4)) !== d.year) errors[`${at}.startsOn`] = `${at}.startsOn must be in ${d.year}`;
    const days = (Date.parse(d.endsOn) - Date.parse(d.startsOn)) / 86_400_000;
    if (days < 0) errors[`${at}.endsOn`] = `${at}.endsOn must be on or after startsOn`;
    else if (days >= MAX_OCCASION_DAYS) errors[`${at}.endsOn`] = `${at}.endsOn: an occasion lasts at most ${MAX_OCCASION_DAYS} days`;
  });
}

function datesSnapshot(dates: OccasionDate[]): Record<string, [string, string]> {
  return Object.fromEntries([...dates].sort((a, b) => a.year - b.year).map((d) => [String(d.year), [d.startsOn, d.endsOn]]));
}

/** Occasions and their dates per year, maintained by TFI. */
@Injectable()
export class OccasionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceData,
  ) {}

  /** All occasions, or those with dates in a year (in date order). */
  async list(year?: number | null): Promise<Occasion[]> {
    if (year === undefined || year === null) return this.em.find(Occasion, {}, { orderBy: { slug: 'asc' } });
    const dates = await this.em.find(
      OccasionDate,
      { year },
      { populate: ['occasion'], orderBy: { startsOn: 'asc', occasion: { slug: 'asc' } } },
    );
    return dates.map((d) => d.occasion);
  }

  async find(by: { id?: string | null; slug?: string | null }): Promise<Occasion | null> {
    if (!by.id && !by.slug) throw BadUserInputError.field('id', 'give id or slug');
    return this.em.findOne(Occasion, by.id ? { id: parseId(by.id, 'id') } : { slug: by.slug! });
  }

  async create(user: AuthUser, input: CreateOccasionInput): Promise<Occasion> {
    const errors: FieldErrors = {};
    checkDates(input.dates, errors);
    const name = toLocalizedText(input.name);
    const slug = input.slug ?? slugify(name.en ?? name.da ?? '', 80);
    if (!slug) errors.slug = 'slug could not be made from the name; give one';
    else if (await this.em.count(Occasion, { slug })) errors.slug = `slug "${slug}" is taken`;
    if (Object.keys(errors).length) throw new BadUserInputError(errors);
    try {
      const created = await this.em.transactional(async (em) => {
        const occasion = em.create(Occasion, {
          slug,
          name,
          description: toLocalizedText(input.description),
          tradition: input.tradition ?? null,
        });
        for (const d of input.dates ?? []) em.create(OccasionDate, { occasion, year: d.year, startsOn: d.startsOn, endsOn: d.endsOn });
        audit(em, {
          actorId: user.id,
          action: 'occasion.created',
          entityType: ENTITY,
          entityId: occasion.id,
          changes: diffSnapshots(
            {},
            {
              slug,
              name,
              description: occasion.description,
              tradition: occasion.tradition,
              dates: datesSnapshot(occasion.dates.getItems()),
            },
          ),
        });
        return occasion;
      });
      await this.reference.changed('occasion');
      return created;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw BadUserInputError.field('slug', `slug "${slug}" is taken`);
      throw error;
    }
  }

  async update(user: AuthUser, idInput: string, input: UpdateOccasionInput): Promise<Occasion> {
    const id = parseId(idInput, 'id');
    const errors: FieldErrors = {};
    checkDates(input.dates, errors);
    const removing = new Set(input.removeYears ?? []);
    (input.dates ?? []).forEach((d, i) => {
      if (removing.has(d.year)) errors[`dates.${i}.year`] = `dates.${i}.year ${d.year} is also in removeYears`;
    });
    if (Object.keys(errors).length) throw new BadUserInputError(errors);
    const updated = await this.em.transactional(async (em) => {
      const occasion = await em.findOne(Occasion, id, { populate: ['dates'] });
      if (!occasion) throw new NotFoundError('Occasion');
      const snapshot = () => ({
        name: occasion.name,
        description: occasion.description,
        tradition: occasion.tradition,
        dates: datesSnapshot(occasion.dates.getItems()),
      });
      const before = snapshot();
      if (input.name) occasion.name = toLocalizedText(input.name);
      if (input.description !== undefined) occasion.description = toLocalizedText(input.description);
      if (input.tradition !== undefined) occasion.tradition = input.tradition ?? null;
      const byYear = new Map(occasion.dates.getItems().map((d) => [d.year, d]));
      for (const year of removing) {
        const date = byYear.get(year);
        if (date) occasion.dates.remove(date);
      }
      for (const d of input.dates ?? []) {
        const existing = byYear.get(d.year);
        if (existing) Object.assign(existing, { startsOn: d.startsOn, endsOn: d.endsOn });
        else occasion.dates.add(em.create(OccasionDate, { occasion, year: d.year, startsOn: d.startsOn, endsOn: d.endsOn }));
      }
      const changes = diffSnapshots(before, snapshot());
      if (Object.keys(changes).length === 0) return occasion;
      // The row itself may be unchanged (only dates): touch it so updatedAt says when it last changed.
      occasion.updatedAt = new Date();
      audit(em, { actorId: user.id, action: 'occasion.updated', entityType: ENTITY, entityId: occasion.id, changes });
      if (changes.name) enqueue(em, JobName.OccasionChanged, { occasionId: occasion.id });
      return occasion;
    });
    await this.reference.changed('occasion');
    return updated;
  }
}
