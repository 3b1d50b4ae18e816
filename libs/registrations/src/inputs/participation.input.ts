import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PHONE_MESSAGE, PHONE_PATTERN, Trim, TrimLower } from '@mangfold/common';
import { AssociationKind } from '@mangfold/associations';
import { ParticipationActivity } from '../participation.entity';

@InputType({
  description:
    'A registration for International Day. A member registers its association (associationId); TFI may also register an ' +
    'organisation or embassy that has no account (organisationName + participantKind).',
})
export class ParticipationInput {
  @Field(() => ID, { nullable: true, description: 'The association taking part; its members (or TFI) register it' })
  @IsOptional()
  @IsString()
  associationId?: string | null;

  @Field(() => String, { nullable: true, description: 'TFI only: the name of an organisation or embassy without an account' })
  @Trim()
  @IsOptional()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  organisationName?: string | null;

  @Field(() => AssociationKind, { nullable: true, description: 'TFI only, with organisationName: what kind of organisation it is' })
  @IsOptional()
  @IsEnum(AssociationKind, { message: 'is not a known kind' })
  participantKind?: AssociationKind | null;

  @Field(() => [ParticipationActivity], { description: 'At least one; STAND and FOOD take one of the limited stands' })
  @IsArray({ message: 'must be a list' })
  @ArrayMinSize(1, { message: 'choose at least one activity' })
  @ArrayMaxSize(4)
  @ArrayUnique({ message: 'lists an activity twice' })
  @IsEnum(ParticipationActivity, { each: true, message: 'is not a known activity' })
  activities!: ParticipationActivity[];

  @Field(() => Int, { description: 'People coming to represent the participant (1–30)' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(30, { message: 'must be at most 30' })
  representatives!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Tables needed at the stand (0–6)' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(6, { message: 'must be at most 6' })
  tables: number = 0;

  @Field({ defaultValue: false, description: 'Whether the stand needs electricity' })
  @IsBoolean()
  needsPower: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Length of the performance in minutes (1–120); required with PERFORMANCE' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(120, { message: 'must be at most 120' })
  performanceMinutes?: number | null;

  @Field({ defaultValue: false, description: 'Required with FOOD: the participant follows the food-hygiene rules' })
  @IsBoolean()
  foodHygieneConfirmed: boolean = false;

  @Field(() => String, { nullable: true, description: 'Anything else TFI should know' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  notes?: string | null;

  @Field({ description: 'The contact person for the day' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  contactName!: string;

  @Field()
  @TrimLower()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  contactEmail!: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  contactPhone?: string | null;
}
