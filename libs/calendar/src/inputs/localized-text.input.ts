import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from './validators';

/** Text in Danish and/or English; a language left out (or blank) falls back to the other one when read. */
@InputType('LocalizedLongTextInput', { description: 'Text in Danish and/or English (each at most 10,000 characters)' })
export class LocalizedLongTextInput {
  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  da?: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  en?: string;
}

@InputType('LocalizedNameInput', { description: 'A title or name in Danish and/or English (each at most 200 characters)' })
export class LocalizedNameInput {
  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  da?: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  en?: string;
}
