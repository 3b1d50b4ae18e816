import { Collection, Entity, ManyToMany, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';
import { District, HousingArea } from '@mangfold/associations';

/**
 * An area of the work plan (Nørrebro, Valby, Amager, Tingbjerg, …), made of districts and housing
 * areas. Its actors are the approved associations whose district or housing area belongs to it; its
 * TFI atlas is public once TFI publishes it.
 */
@Entity({ tableName: 'area' })
export class Area extends BaseEntity {
  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;

  @Property({ type: 'json' })
  name!: LocalizedText;

  @Property({ type: 'json' })
  atlasIntro: Opt<LocalizedText> = {};

  @ManyToMany(() => District, undefined, { pivotTable: 'area_district', joinColumn: 'area_id', inverseJoinColumn: 'district_id' })
  districts = new Collection<District>(this);

  @ManyToMany(() => HousingArea, undefined, {
    pivotTable: 'area_housing_area',
    joinColumn: 'area_id',
    inverseJoinColumn: 'housing_area_id',
  })
  housingAreas = new Collection<HousingArea>(this);

  @Property({ type: 'timestamptz', nullable: true })
  atlasPublishedAt: Date | null = null;

  @Property({ type: 'smallint', default: 0 })
  sortOrder: Opt<number> = 0;
}
