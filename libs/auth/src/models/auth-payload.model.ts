import { Field, ObjectType } from '@nestjs/graphql';
import type { User } from '../user.entity';
import { UserModel } from './user.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken!: string;

  @Field({ description: 'When the access token stops working; log in again after it' })
  expiresAt!: Date;

  @Field(() => UserModel)
  user!: User;
}
