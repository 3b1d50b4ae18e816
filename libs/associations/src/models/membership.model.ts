import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A user's membership of an association: the right to edit it and its events. */
@ObjectType('Membership')
export class MembershipModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When the user became a member' })
  createdAt!: Date;
}
