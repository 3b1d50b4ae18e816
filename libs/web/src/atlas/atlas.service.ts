import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Association, AssociationKind, AssociationStatus, District } from '@mangfold/associations';
import { type LocalizedText } from '@mangfold/db';
import { Area, AreasService } from '@mangfold/workplan';
import { DISTRICT_SHAPES, districtKey, onMap } from './atlas-geometry';

/** An actor on the atlas: only what the association made public (never members or contact details). */
export interface AtlasActor {
  slug: string;
  name: string;
  kind: AssociationKind;
  /** Street, postal code and town, as one line; null when it gave none. */
  address: string | null;
  /** Null when it gave no coordinates or they lie off the map: then it is listed, not drawn. */
  point: { longitude: number; latitude: number } | null;
}

export interface AtlasArea {
  slug: string;
  name: LocalizedText;
  /** The drawn shape's name (districts.simplified.json), when the district has one. */
  shape: string | null;
  actors: AtlasActor[];
}

/** An area whose TFI atlas is published (the work plan's Nørrebro, Valby, Amager, Tingbjerg, …). */
export interface PublishedAtlas {
  slug: string;
  name: LocalizedText;
  intro: LocalizedText;
  actors: AtlasActor[];
}

/** Actors listed per published atlas; an area's atlas is a list, not a second map. */
const ATLAS_ACTORS_LIMIT = 200;

export interface Atlas {
  areas: AtlasArea[];
  published: PublishedAtlas[];
  /** Approved actors with no district. */
  elsewhere: AtlasActor[];
}

/** The approved associations, projects and organisations, grouped by district, for the TFI-atlas. */
@Injectable()
export class AtlasService {
  constructor(
    private readonly em: EntityManager,
    private readonly workPlanAreas: AreasService,
  ) {}

  async atlas(): Promise<Atlas> {
    const [districts, associations] = await Promise.all([
      this.em.fork().find(District, {}, { orderBy: { sortOrder: 'asc', slug: 'asc' } }),
      this.em.fork().find(Association, { status: AssociationStatus.APPROVED }, { orderBy: { name: 'asc', id: 'asc' } }),
    ]);
    const shapes = new Map(DISTRICT_SHAPES.map((s) => [s.key, s.name]));
    const areas = new Map<string, AtlasArea>(
      districts.map((d) => [d.id, { slug: d.slug, name: d.name, shape: shapes.get(districtKey(d.name.da ?? d.slug)) ?? null, actors: [] }]),
    );
    const elsewhere: AtlasActor[] = [];
    for (const a of associations) {
      const actor = toActor(a);
      const area = a.district ? areas.get(a.district.id) : undefined;
      (area ? area.actors : elsewhere).push(actor);
    }
    return { areas: [...areas.values()], elsewhere, published: await this.publishedAtlases() };
  }

  /** The areas TFI has published an atlas for, each with the actors located in it. */
  private async publishedAtlases(): Promise<PublishedAtlas[]> {
    const areas = await this.em.fork().find(Area, { atlasPublishedAt: { $ne: null } }, { orderBy: { sortOrder: 'asc', slug: 'asc' } });
    return Promise.all(
      areas.map(async (area) => ({
        slug: area.slug,
        name: area.name,
        intro: area.atlasIntro,
        actors: (await this.workPlanAreas.actors(area.id, ATLAS_ACTORS_LIMIT)).edges.map((e) => toActor(e.node)),
      })),
    );
  }
}

function toActor(a: Association): AtlasActor {
  const { address, postalCode, city, latitude, longitude } = a.location;
  const town = [postalCode, city].filter(Boolean).join(' ');
  const line = [address, town].filter(Boolean).join(', ');
  const placed = latitude !== null && longitude !== null && onMap(longitude, latitude);
  return {
    slug: a.slug,
    name: a.name,
    kind: a.kind,
    address: line === '' ? null : line,
    point: placed ? { longitude: longitude, latitude: latitude } : null,
  };
}
