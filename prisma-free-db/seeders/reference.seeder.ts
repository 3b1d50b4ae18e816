import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { yearIn } from '@mangfold/config';
import { District, HousingArea } from '@mangfold/associations';
import { Occasion, OccasionDate, Theme } from '@mangfold/calendar';
import { KpiTarget } from '@mangfold/kpi';
import { Area } from '@mangfold/workplan';
import { ATLAS_AREAS, DEFAULT_KPI_TARGETS, DISTRICTS, HOUSING_AREAS, OCCASIONS, THEMES } from './reference-data';

/**
 * Adds the reference data that is missing and leaves existing rows alone, so it runs on every
 * start and never undoes an admin's edit.
 */
export class ReferenceSeeder extends Seeder {
  constructor(private readonly now: Date = new Date()) {
    super();
  }

  async run(em: EntityManager): Promise<void> {
    const thisYear = yearIn('Europe/Copenhagen', this.now);

    const districts = new Map((await em.find(District, {})).map((d) => [d.slug, d]));
    DISTRICTS.forEach((d, i) => {
      if (districts.has(d.slug)) return;
      const district = em.create(District, { slug: d.slug, name: { da: d.da, en: d.en }, sortOrder: i });
      districts.set(d.slug, district);
    });

    const housingAreas = new Map((await em.find(HousingArea, {})).map((a) => [a.slug, a]));
    for (const a of HOUSING_AREAS) {
      if (!housingAreas.has(a.slug))
        housingAreas.set(
          a.slug,
          em.create(HousingArea, { slug: a.slug, name: { da: a.name, en: a.name }, district: districts.get(a.district)! }),
        );
    }

    const themes = new Set((await em.find(Theme, {})).map((t) => t.slug));
    THEMES.forEach((t, i) => {
      if (!themes.has(t.slug)) em.create(Theme, { slug: t.slug, name: { da: t.da, en: t.en }, sortOrder: i });
    });

    const atlasAreas = new Set((await em.find(Area, {})).map((a) => a.slug));
    ATLAS_AREAS.forEach((a, i) => {
      if (atlasAreas.has(a.slug)) return;
      const area = em.create(Area, { slug: a.slug, name: { da: a.da, en: a.en }, sortOrder: i });
      area.districts.set(a.districts.map((slug) => districts.get(slug)!));
      area.housingAreas.set(a.housingAreas.map((slug) => housingAreas.get(slug)!));
    });

    const occasions = new Map<string, Occasion>((await em.find(Occasion, {}, { populate: ['dates'] })).map((o) => [o.slug, o]));
    for (const o of OCCASIONS) {
      let occasion = occasions.get(o.slug);
      if (!occasion) {
        occasion = em.create(Occasion, { slug: o.slug, name: o.name, description: o.description, tradition: o.tradition });
        occasions.set(o.slug, occasion);
      }
      const years = new Set(occasion.dates.isInitialized() ? occasion.dates.getItems().map((d) => d.year) : []);
      for (const year of [thisYear, thisYear + 1]) {
        const dates = o.dates[year];
        if (dates && !years.has(year)) em.create(OccasionDate, { occasion, year, startsOn: dates[0], endsOn: dates[1] });
      }
    }

    const targets = new Set((await em.find(KpiTarget, { year: thisYear })).map((t) => t.key));
    for (const t of DEFAULT_KPI_TARGETS) {
      if (!targets.has(t.key)) em.create(KpiTarget, { key: t.key, year: thisYear, target: t.target });
    }
    await em.flush();
  }
}
