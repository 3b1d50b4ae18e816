import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';

/** A KPI's target for one calendar year; editable by admins, never in code (KPIS.md). */
@Entity({ tableName: 'kpi_target' })
@Unique({ properties: ['key', 'year'] })
export class KpiTarget extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'smallint' })
  year!: number;

  /** null: not set yet ("set by TFI"). */
  @Property({ type: 'double', nullable: true })
  target: number | null = null;
}
