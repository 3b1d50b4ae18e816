import { Entity, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';

/** One of Copenhagen's ten districts (bydele). Reference data, seeded. */
@Entity({ tableName: 'district' })
export class District extends BaseEntity {
  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;

  @Property({ type: 'json' })
  name!: LocalizedText;

  @Property({ type: 'smallint', default: 0 })
  sortOrder: Opt<number> = 0;
}
