import { Embeddable, Embedded, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText, type RecordRef } from '@mangfold/db';
import { User } from '@mangfold/auth';
import { District } from './district.entity';
import { HousingArea } from './housing-area.entity';

export enum AssociationKind {
  ASSOCIATION = 'ASSOCIATION',
  PROJECT = 'PROJECT',
  VOLUNTARY_ORGANISATION = 'VOLUNTARY_ORGANISATION',
  EMBASSY = 'EMBASSY',
  MUNICIPAL_UNIT = 'MUNICIPAL_UNIT',
  /** Residents' boards and housing associations (afdelingsbestyrelser, boligselskaber): a target group of the work plan. */
  HOUSING_ORGANISATION = 'HOUSING_ORGANISATION',
  OTHER = 'OTHER',
}

export enum AssociationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

/** Where an association is found, public: it places the association in the TFI-atlas. */
@Embeddable()
export class AssociationLocation {
  @Property({ type: 'string', length: 300, nullable: true })
  address: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  postalCode: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  city: string | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;
}

@Entity({ tableName: 'association' })
@Index({ properties: ['status', 'kind'] })
export class Association extends BaseEntity {
  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => AssociationKind, nativeEnumName: 'association_kind' })
  kind!: AssociationKind;

  @Property({ type: 'json' })
  description: Opt<LocalizedText> = {};

  @ManyToOne(() => District, { nullable: true })
  @Index()
  district: Rel<District> | null = null;

  @ManyToOne(() => HousingArea, { nullable: true })
  housingArea: Rel<HousingArea> | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  website: string | null = null;

  @Embedded(() => AssociationLocation, { prefix: 'location_' })
  location: Opt<AssociationLocation> = new AssociationLocation();

  /** Public contact details, shown only when `showContact` is on. */
  @Property({ type: 'string', length: 254, nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'boolean', default: false })
  showContact: Opt<boolean> = false;

  /** Danish CVR number: 8 digits. */
  @Property({ type: 'string', length: 8, nullable: true })
  cvr: string | null = null;

  @Enum({ items: () => AssociationStatus, nativeEnumName: 'association_status' })
  status: Opt<AssociationStatus> = AssociationStatus.PENDING;

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  statusChangedBy: Rel<User> | null = null;
}

/**
 * What the Association type's field resolvers read: a loaded entity, or the plain record
 * (`plainRecords`) of an event's organisers, which has the same columns and each many-to-one as `{ id }`.
 */
export type AssociationRecord = Omit<Association, 'district' | 'housingArea' | 'statusChangedBy'> & {
  district: RecordRef | null;
  housingArea: RecordRef | null;
  statusChangedBy: RecordRef | null;
};
