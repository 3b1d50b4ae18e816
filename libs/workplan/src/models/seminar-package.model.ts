import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@mangfold/graphql';
import { AdviceKind } from '../seminar-package.entities';

registerEnumType(AdviceKind, { name: 'AdviceKind', description: 'A good advice or a pitfall' });

@ObjectType('Speaker', { description: 'A speaker of the seminar package; contact details for members and admins only' })
export class SpeakerModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => [String])
  topics!: string[];
}

export const SpeakerConnection = ConnectionType(SpeakerModel, 'Speaker');

@ObjectType('Material', { description: 'Material of the seminar package: a link or a file' })
export class MaterialModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => String, { nullable: true })
  contentType!: string | null;

  @Field(() => Int, { nullable: true, description: 'Bytes of the file' })
  size!: number | null;
}

export const MaterialConnection = ConnectionType(MaterialModel, 'Material');

@ObjectType('AdviceItem', { description: 'One item of the "good advice and pitfalls" catalogue' })
export class AdviceItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => AdviceKind)
  kind!: AdviceKind;
}

export const AdviceItemConnection = ConnectionType(AdviceItemModel, 'AdviceItem');
