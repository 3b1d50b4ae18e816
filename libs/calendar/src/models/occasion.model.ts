import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OccasionDate', { description: 'When an occasion falls in one year (inclusive local dates, Europe/Copenhagen)' })
export class OccasionDateModel {
  @Field(() => Int)
  year!: number;

  @Field({ description: 'First day, YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'Last day (inclusive), YYYY-MM-DD' })
  endsOn!: string;
}

@ObjectType('Occasion', {
  description:
    'A cultural, religious or national occasion that events mark (Eid al-Fitr, Diwali, Nowruz, …). Lunar and lunisolar ' +
    'occasions move from year to year, so their dates are data TFI maintains per year.',
})
export class OccasionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field(() => String, { nullable: true, description: 'The tradition it belongs to, e.g. "islamic", "hindu", "persian", "international"' })
  tradition!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}
