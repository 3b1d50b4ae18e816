import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Language } from '@mangfold/common';
import { Role } from '../user.entity';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do',
  valuesMap: {
    ADMIN: { description: 'TFI staff: approves associations and events, sees everything' },
    ASSOCIATION_MEMBER: { description: 'Edits the associations it is a member of, and their events' },
  },
});

/**
 * An account. Only reachable by the user itself, admins, and fellow members of an association:
 * public queries never return users.
 */
@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Language, { description: 'Language of the mails this user receives' })
  locale!: Language;

  @Field()
  createdAt!: Date;
}
