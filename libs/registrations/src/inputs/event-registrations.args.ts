import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Trim } from '@mangfold/common';
import { RegistrationStatus } from '../registration.entity';

@InputType({ description: 'Narrows an event’s registrations' })
export class RegistrationFilter {
  @Field(() => RegistrationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RegistrationStatus)
  status?: RegistrationStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those checked in (true) or not yet (false)' })
  @IsOptional()
  @IsBoolean()
  checkedIn?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of a name, email or organisation' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  search?: string | null;
}

@ArgsType()
export class EventRegistrationsArgs {
  @Field(() => ID)
  @IsString()
  eventId!: string;

  @Field(() => Int, { defaultValue: 50, description: 'At most 200' })
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  first: number = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => RegistrationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationFilter)
  filter?: RegistrationFilter | null;
}
