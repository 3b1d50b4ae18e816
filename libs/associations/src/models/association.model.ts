import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AssociationKind } from '../association.entity';

registerEnumType(AssociationKind, { name: 'AssociationKind', description: 'What kind of organisation an association is' });

/**
 * The public face of an association. Minimal for now (the calendar's organizers need it); the
 * associations lib owns it and adds its other fields.
 */
@ObjectType('Association')
export class AssociationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => AssociationKind)
  kind!: AssociationKind;
}
