import { Entity, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';
import { District } from './district.entity';

/** A social housing area the work plan focuses on (Mjølnerparken, Tingbjerg, …). Reference data. */
@Entity({ tableName: 'housing_area' })
export class HousingArea extends BaseEntity {
  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;

  @Property({ type: 'json' })
  name!: LocalizedText;

  @ManyToOne(() => District)
  district!: Rel<District>;
}
