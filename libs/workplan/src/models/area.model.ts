import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Area', { description: 'An area of the work plan (Nørrebro, Valby, Amager, Tingbjerg, …) and its TFI atlas' })
export class AreaModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field(() => Date, { nullable: true, description: 'When TFI published its atlas; null while unpublished' })
  atlasPublishedAt!: Date | null;
}
