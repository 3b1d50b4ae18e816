import { Field, InputType } from '@nestjs/graphql';
import { IsDefined, IsEnum, IsString, Length } from 'class-validator';
import { Trim } from '@mangfold/common';
import { AssociationKind } from '../association.entity';
import { AssociationDetailsInput, SlugField } from './association-fields';
import { NotNullWhenPresent } from './transforms';

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateAssociationInput extends AssociationDetailsInput {
  @Field(() => String, { nullable: true })
  @Trim()
  @NotNullWhenPresent()
  @IsDefined({ message: 'must not be null' })
  @IsString()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name?: string;

  @Field(() => AssociationKind, { nullable: true })
  @NotNullWhenPresent()
  @IsDefined({ message: 'must not be null' })
  @IsEnum(AssociationKind)
  kind?: AssociationKind;

  @SlugField("A new slug; the association's feed URL changes with it")
  slug?: string;
}
