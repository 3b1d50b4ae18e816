import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@mangfold/auth';
import { Language, Trim, TrimLower } from '@mangfold/common';
import { AssociationKind } from '../association.entity';
import { AssociationDetailsInput, SlugField } from './association-fields';

@InputType({ description: 'A new association and its first member account' })
export class SignUpAssociationInput extends AssociationDetailsInput {
  @Field()
  @Trim()
  @IsString({ message: 'is required' })
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name!: string;

  @Field(() => AssociationKind)
  @IsEnum(AssociationKind)
  kind!: AssociationKind;

  @SlugField('Used in its public URLs; generated from the name when left out')
  slug?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The first member's login. Required unless you are logged in, in which case you become the first member",
  })
  @TrimLower()
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: `At least ${PASSWORD_MIN_LENGTH} characters; required with email` })
  @IsOptional()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  })
  password?: string | null;

  @Field(() => String, { nullable: true, description: "The first member's own name" })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  memberName?: string | null;

  @Field(() => Language, { nullable: true, description: 'Language of the mails the first member receives (default DA)' })
  @IsOptional()
  @IsEnum(Language)
  locale?: Language | null;
}
