import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Association, AssociationStatus, District, HousingArea } from '@mangfold/associations';
import type { AuthUser } from '@mangfold/auth';
import { audit } from '@mangfold/db';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  decodeCursor,
  toConnection,
  type Connection,
  type LoaderFactory,
} from '@mangfold/graphql';
import { Area } from './area.entity';
import type { AreaInput } from './inputs/area.inputs';
import { optionalText, requiredText } from './localized';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An area's actors: approved associations whose district or housing area belongs to it. */
const ACTORS_SQL = `
select x.id, x.name from association x
where x.status = ? and (
  x.district_id in (select ad.district_id from area_district ad where ad.area_id = ?)
  or x.housing_area_id in (select ah.housing_area_id from area_housing_area ah where ah.area_id = ?))
  and (cast(? as text) is null or (x.name, x.id::text) > (cast(? as text), cast(? as text)))
order by x.name, x.id
limit ?`;

@Injectable()
export class AreasService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<Area[]> {
    return this.em.find(Area, {}, { orderBy: { sortOrder: 'asc', slug: 'asc' } });
  }

  findBySlug(slug: string): Promise<Area | null> {
    return this.em.findOne(Area, { slug });
  }

  async create(user: AuthUser, input: AreaInput): Promise<Area> {
    try {
      return await this.em.transactional(async (em) => {
        const [last] = await em.find(Area, {}, { orderBy: { sortOrder: 'desc' }, limit: 1 });
        const area = em.create(Area, { slug: input.slug, name: requiredText('name', input.name), sortOrder: (last?.sortOrder ?? -1) + 1 });
        await this.apply(em, area, input);
        audit(em, { actorId: user.id, action: 'area.created', entityType: 'Area', entityId: area.id, changes: { slug: input.slug } });
        return area;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`An area with slug "${input.slug}" exists`);
      throw error;
    }
  }

  async update(user: AuthUser, id: string, input: AreaInput): Promise<Area> {
    try {
      return await this.em.transactional(async (em) => {
        const area = await this.load(em, id);
        area.slug = input.slug;
        area.name = requiredText('name', input.name);
        await this.apply(em, area, input);
        audit(em, { actorId: user.id, action: 'area.updated', entityType: 'Area', entityId: area.id });
        return area;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`An area with slug "${input.slug}" exists`);
      throw error;
    }
  }

  /** Makes the area's atlas public (or withdraws it); the `atlases` KPI counts published atlases with actors. */
  async setPublished(user: AuthUser, id: string, published: boolean): Promise<Area> {
    return this.em.transactional(async (em) => {
      const area = await this.load(em, id);
      if (published && !area.atlasPublishedAt) area.atlasPublishedAt = new Date();
      if (!published) area.atlasPublishedAt = null;
      audit(em, { actorId: user.id, action: published ? 'atlas.published' : 'atlas.unpublished', entityType: 'Area', entityId: area.id });
      return area;
    });
  }

  private async load(em: EntityManager, id: string): Promise<Area> {
    const area = UUID.test(id) ? await em.findOne(Area, { id: id.toLowerCase() }, { populate: ['districts', 'housingAreas'] }) : null;
    if (!area) throw new NotFoundError('The area');
    return area;
  }

  private async apply(em: EntityManager, area: Area, input: AreaInput): Promise<void> {
    area.atlasIntro = optionalText(input.atlasIntro) ?? {};
    const districts = await em.find(District, { slug: { $in: input.districtSlugs } });
    const missingDistricts = input.districtSlugs.filter((s) => !districts.some((d) => d.slug === s));
    if (missingDistricts.length) throw BadUserInputError.field('districtSlugs', `unknown: ${missingDistricts.join(', ')}`);
    const housingAreas = await em.find(HousingArea, { slug: { $in: input.housingAreaSlugs } });
    const missingAreas = input.housingAreaSlugs.filter((s) => !housingAreas.some((h) => h.slug === s));
    if (missingAreas.length) throw BadUserInputError.field('housingAreaSlugs', `unknown: ${missingAreas.join(', ')}`);
    if (districts.length + housingAreas.length === 0)
      throw BadUserInputError.field('districtSlugs', 'an area needs a district or a housing area');
    area.districts.set(districts);
    area.housingAreas.set(housingAreas);
  }

  /** The area's actors by name, a page at a time. */
  async actors(areaId: string, first: number, after?: string | null): Promise<Connection<Association>> {
    const [name, id] = after ? decodeCursor(after, ['text', 'id']) : [null, null];
    const rows = await this.em.execute<{ id: string }[]>(ACTORS_SQL, [
      AssociationStatus.APPROVED,
      areaId,
      areaId,
      name,
      name,
      id,
      first + 1,
    ]);
    const associations = await this.em.find(Association, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(associations.map((a) => [a.id, a]));
    const ordered = rows.map((r) => byId.get(r.id)!).filter(Boolean);
    return toConnection(ordered, first, (a) => [a.name, a.id], !!after);
  }

  readonly districtsByArea: LoaderFactory<string, District[]> = () =>
    new DataLoader<string, District[]>(async (ids) => {
      const areas = await this.em.find(Area, { id: { $in: [...ids] } }, { populate: ['districts'] });
      const byId = new Map(areas.map((a) => [a.id, a.districts.getItems().sort((x, y) => x.sortOrder - y.sortOrder)]));
      return ids.map((id) => byId.get(id) ?? []);
    });

  readonly housingAreasByArea: LoaderFactory<string, HousingArea[]> = () =>
    new DataLoader<string, HousingArea[]>(async (ids) => {
      const areas = await this.em.find(Area, { id: { $in: [...ids] } }, { populate: ['housingAreas'] });
      const byId = new Map(areas.map((a) => [a.id, a.housingAreas.getItems().sort((x, y) => x.slug.localeCompare(y.slug))]));
      return ids.map((id) => byId.get(id) ?? []);
    });
}
