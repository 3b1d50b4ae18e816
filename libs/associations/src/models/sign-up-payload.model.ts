import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel, type User } from '@mangfold/auth';
import type { Association } from '../association.entity';
import { AssociationModel } from './association.model';

@ObjectType('SignUpPayload')
export class SignUpPayloadModel {
  @Field(() => AssociationModel, { description: 'The new association, PENDING until TFI approves it' })
  association!: Association;

  @Field(() => UserModel, { description: "The association's first member" })
  user!: User;

  @Field(() => String, {
    nullable: true,
    description: 'An access token for the new account, so the applicant can go on editing; null when a logged-in caller signed up',
  })
  accessToken!: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;
}
