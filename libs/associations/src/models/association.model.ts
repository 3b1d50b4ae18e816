import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AssociationKind, AssociationStatus } from '../association.entity';

registerEnumType(AssociationKind, {
  name: 'AssociationKind',
  description: 'What kind of organisation signs up',
  valuesMap: {
    ASSOCIATION: { description: 'A local association (forening)' },
    PROJECT: { description: 'A local project' },
    VOLUNTARY_ORGANISATION: { description: 'A voluntary organisation' },
    EMBASSY: { description: 'An embassy' },
    MUNICIPAL_UNIT: { description: 'A unit of the City of Copenhagen' },
    OTHER: { description: 'Anything else' },
  },
});

registerEnumType(AssociationStatus, {
  name: 'AssociationStatus',
  description: 'Where an association stands with TFI; only APPROVED associations are public and may publish',
  valuesMap: {
    PENDING: { description: 'Signed up, waiting for TFI' },
    APPROVED: { description: 'Approved by TFI: public, may publish events' },
    REJECTED: { description: 'Not approved (see statusReason)' },
    SUSPENDED: { description: 'Approved before, now suspended by TFI (see statusReason)' },
  },
});

@ObjectType('AssociationLocation', { description: "The association's public address and place on the TFI-atlas" })
export class AssociationLocationModel {
  @Field(() => String, { nullable: true, description: 'Street and number, e.g. "Mjølnerparken 2"' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "2200"' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The postal town, e.g. "København N"' })
  city!: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84' })
  longitude!: number | null;
}

/**
 * An association, project, organisation, embassy or municipal unit that organises events.
 * The public sees approved associations only, and never members, CVR or status details; contact
 * details only when the association opted in. Admins and the association's members see all.
 * Other libs add fields (events, feedUrl) with @ResolveField on this type.
 */
@ObjectType('Association')
export class AssociationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique, URL-safe; used in feed URLs' })
  slug!: string;

  @Field()
  name!: string;

  @Field(() => AssociationKind)
  kind!: AssociationKind;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => AssociationStatus)
  status!: AssociationStatus;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
