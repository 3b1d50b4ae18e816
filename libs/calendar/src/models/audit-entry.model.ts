import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@mangfold/graphql';

@ObjectType('AuditChange', { description: 'One field an action changed; values are JSON' })
export class AuditChangeModel {
  @Field()
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON (null when there was none)' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON' })
  to!: string | null;
}

@ObjectType('AuditEntry', { description: 'Who did what to an item, and when' })
export class AuditEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field({ description: 'e.g. "event.published"' })
  action!: string;

  @Field(() => ID, { nullable: true, description: 'The user who acted; null for the system' })
  actorId!: string | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntryModel, 'AuditEntry');
