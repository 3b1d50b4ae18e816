import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldErrors } from '@mangfold/graphql';
import type { Association } from './association.entity';
import { District } from './district.entity';
import { HousingArea } from './housing-area.entity';
import type { AssociationDetailsInput } from './inputs/association-fields';

/** Where an association is, as the input named it: undefined where it leaves that as it is. */
export interface Place {
  district?: District | null;
  housingArea?: HousingArea | null;
}

/**
 * The district and housing area the input asks for: undefined where it leaves them as they are.
 * A housing area implies its district; naming both requires them to match.
 */
export async function resolvePlace(
  em: EntityManager,
  input: AssociationDetailsInput,
  current: Association | null,
  fields: FieldErrors,
): Promise<Place> {
  const result: Place = {};
  if (input.districtSlug !== undefined) {
    result.district = input.districtSlug ? await em.findOne(District, { slug: input.districtSlug }) : null;
    if (input.districtSlug && !result.district) fields.districtSlug = 'is not a district (see the districts query)';
  }
  if (input.housingAreaSlug !== undefined) {
    result.housingArea = input.housingAreaSlug
      ? await em.findOne(HousingArea, { slug: input.housingAreaSlug }, { populate: ['district'] })
      : null;
    if (input.housingAreaSlug && !result.housingArea) fields.housingAreaSlug = 'is not a housing area (see the housingAreas query)';
  }
  if (fields.districtSlug || fields.housingAreaSlug) return result;

  const area = result.housingArea !== undefined ? result.housingArea : (current?.housingArea ?? null);
  if (area) {
    const areaDistrictId = area.district.id;
    if (result.district === undefined && result.housingArea) {
      result.district = await em.findOneOrFail(District, { id: areaDistrictId });
    } else {
      const district = result.district !== undefined ? result.district : (current?.district ?? null);
      if (district && district.id !== areaDistrictId) {
        const areaDistrict = await em.findOneOrFail(District, { id: areaDistrictId });
        const field = result.housingArea !== undefined ? 'housingAreaSlug' : 'districtSlug';
        fields[field] =
          `${area.name.da ?? area.slug} is in ${areaDistrict.name.da ?? areaDistrict.slug}, not in ${district.name.da ?? district.slug}; change or clear the housing area`;
      } else if (!district && result.district === null) {
        fields.districtSlug = 'cannot be cleared while a housing area is set; clear housingAreaSlug too';
      }
    }
  }
  return result;
}
