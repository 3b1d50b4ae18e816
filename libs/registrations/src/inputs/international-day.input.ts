import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { LocalizedTextInput, type LocalizedTextFields } from '@mangfold/graphql';
import { ParticipationStatus } from '../participation.entity';

export const PracticalInfoInput = LocalizedTextInput('PracticalInfoInput', 5000, {
  description: 'Practical information for International Day participants, per language',
});
export type PracticalInfoInput = LocalizedTextFields;

@InputType()
export class CreateInternationalDayInput {
  @Field(() => Int)
  @IsInt()
  @Min(2000, { message: 'must be 2000 or later' })
  @Max(2100, { message: 'must be 2100 or earlier' })
  year!: number;

  @Field(() => ID, { description: 'The day’s event (kind INTERNATIONAL_DAY), starting in that year' })
  @IsString()
  eventId!: string;

  @Field(() => Int, { description: 'Stands available (0–1000)' })
  @IsInt()
  @Min(0, { message: 'must not be negative' })
  @Max(1000, { message: 'must be at most 1000' })
  standCapacity!: number;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be a date and time' })
  registrationOpensAt!: Date;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be a date and time' })
  registrationClosesAt!: Date;

  @Field(() => PracticalInfoInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PracticalInfoInput)
  practicalInfo?: PracticalInfoInput | null;
}

@InputType({ description: 'Only the fields given change' })
export class UpdateInternationalDayInput {
  @Field(() => Int, { nullable: true, description: 'Lowering it never unconfirms anyone; raising it promotes the waiting list' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must not be negative' })
  @Max(1000, { message: 'must be at most 1000' })
  standCapacity?: number | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date and time' })
  registrationOpensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date and time' })
  registrationClosesAt?: Date | null;

  @Field(() => PracticalInfoInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PracticalInfoInput)
  practicalInfo?: PracticalInfoInput | null;
}

@ArgsType()
export class ParticipationsArgs {
  @Field(() => Int)
  @IsInt()
  year!: number;

  @Field(() => ParticipationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipationStatus)
  status?: ParticipationStatus | null;

  @Field(() => Int, { defaultValue: 50, description: 'At most 200' })
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  first: number = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}
