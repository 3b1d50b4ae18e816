import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { SLUG_PATTERN, Trim } from '@mangfold/common';
import { LocalizedNameInput, LocalizedLongTextInput } from './localized-text.input';
import { HasSomeText, IsLocalDate } from './validators';

@InputType('OccasionDateInput', { description: 'When an occasion falls in one year: inclusive local dates, the first one in that year' })
export class OccasionDateInput {
  @Field(() => Int)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year!: number;

  @Field({ description: 'First day, YYYY-MM-DD' })
  @IsLocalDate()
  startsOn!: string;

  @Field({ description: 'Last day (inclusive), YYYY-MM-DD; the same as startsOn for a one-day occasion' })
  @IsLocalDate()
  endsOn!: string;
}

@InputType({ isAbstract: true })
abstract class OccasionDetailsInput {
  @Field(() => LocalizedLongTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedLongTextInput)
  description?: LocalizedLongTextInput | null;

  @Field(() => String, { nullable: true, description: 'e.g. "islamic", "hindu", "persian", "international"' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  tradition?: string | null;

  @Field(() => [OccasionDateInput], {
    nullable: true,
    description: 'Dates per year, at most one entry a year; in updateOccasion they replace the dates of the years given',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OccasionDateInput)
  dates?: OccasionDateInput[];
}

@InputType('CreateOccasionInput')
export class CreateOccasionInput extends OccasionDetailsInput {
  @Field(() => String, { nullable: true, description: 'URL name; made from the name when left out. Never changes afterwards.' })
  @Trim()
  @IsOptional()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: '$property must be lower-case letters, digits and single dashes, e.g. eid-al-fitr' })
  slug?: string;

  @Field(() => LocalizedNameInput)
  @ValidateNested()
  @Type(() => LocalizedNameInput)
  @HasSomeText()
  name!: LocalizedNameInput;
}

@InputType('UpdateOccasionInput', { description: 'Fields left out stay as they are' })
export class UpdateOccasionInput extends OccasionDetailsInput {
  @Field(() => LocalizedNameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedNameInput)
  @HasSomeText()
  name?: LocalizedNameInput;

  @Field(() => [Int], { nullable: true, description: 'Years whose dates to remove' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  removeYears?: number[];
}
