import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Language, Trim, TrimLower } from '@mangfold/common';
import { AssignmentKind, AssignmentStatus } from '../assignment.entity';

const LOCAL_DATE = { strict: true, strictSeparator: true } as const;

@InputType({ description: 'The frame agreed with the requester: specific, measurable, attractive, realistic, time-bound' })
export class AssignmentFrameInput {
  @Field({ description: 'The specific goal' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  specific!: string;

  @Field({ description: 'How reaching it is measured' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  measurable!: string;

  @Field({ description: 'Why it is attractive to the requester' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  attractive!: string;

  @Field({ description: 'Why it can be reached with the means at hand' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  realistic!: string;

  @Field({ description: 'When it is reached' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  timeBound!: string;

  @Field({ description: 'The deadline, a local date (YYYY-MM-DD)' })
  @IsISO8601(LOCAL_DATE, { message: 'must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'must be a date (YYYY-MM-DD)' })
  deadline!: string;
}

@InputType({ description: 'Who asked: a city department and its contact person (personal data, never public)' })
export class RequesterInput {
  @Field({ description: 'The department or unit, e.g. "Beskæftigelses- og Integrationsforvaltningen"' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  department!: string;

  @Field()
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  contactName!: string;

  @Field({ description: 'Where the satisfaction survey is sent on completion' })
  @TrimLower()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail!: string;

  @Field(() => Language, { nullable: true, defaultValue: Language.DA, description: 'The language mails to the contact are written in' })
  @IsOptional()
  @IsEnum(Language)
  language: Language = Language.DA;
}

@InputType()
export class RecordAssignmentInput {
  @Field({ description: 'A short name of the task' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(3, 200, { message: 'must be 3 to 200 characters' })
  title!: string;

  @Field(() => AssignmentKind)
  @IsEnum(AssignmentKind)
  kind!: AssignmentKind;

  @Field(() => RequesterInput)
  @ValidateNested()
  @Type(() => RequesterInput)
  requester!: RequesterInput;

  @Field(() => AssignmentFrameInput)
  @ValidateNested()
  @Type(() => AssignmentFrameInput)
  frame!: AssignmentFrameInput;
}

@InputType({ description: 'Fields left out stay as they are' })
export class UpdateAssignmentInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(3, 200, { message: 'must be 3 to 200 characters' })
  title?: string;

  @Field(() => AssignmentKind, { nullable: true })
  @IsOptional()
  @IsEnum(AssignmentKind)
  kind?: AssignmentKind;

  @Field(() => RequesterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RequesterInput)
  requester?: RequesterInput;

  @Field(() => AssignmentFrameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssignmentFrameInput)
  frame?: AssignmentFrameInput;

  @Field(() => AssignmentStatus, { nullable: true, description: 'AGREED, IN_PROGRESS or CANCELLED; completing is completeAssignment' })
  @IsOptional()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;
}

@InputType({ description: "The requester's answer to the survey mailed on completion" })
export class RequesterSurveyInput {
  @Field({ description: 'Were you satisfied with what TFI did?' })
  @IsBoolean({ message: 'is required' })
  satisfied!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  comment?: string | null;
}

@InputType()
export class AssignmentFilter {
  @Field(() => AssignmentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AssignmentStatus)
  status?: AssignmentStatus;

  @Field(() => Int, { nullable: true, description: 'Completed in this calendar year (Copenhagen)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  completedInYear?: number;
}

@ArgsType()
export class AssignmentsArgs {
  @Field(() => AssignmentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssignmentFilter)
  filter?: AssignmentFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, 1 to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 25;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ArgsType()
export class CompleteAssignmentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'is not a valid id' })
  id!: string;

  @Field(() => Date, { nullable: true, description: 'When it was completed; default now' })
  @IsOptional()
  completedAt?: Date | null;
}
