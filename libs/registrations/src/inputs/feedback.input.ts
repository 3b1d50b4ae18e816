import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '@mangfold/common';

@InputType({ description: 'A satisfaction answer after the event' })
export class FeedbackInput {
  @Field({ description: 'Were you satisfied with the event? (the satisfaction KPI counts these)' })
  @IsBoolean({ message: 'is required' })
  satisfied!: boolean;

  @Field(() => Int, { nullable: true, description: '1 (poor) to 5 (excellent)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(5, { message: 'must be at most 5' })
  score?: number | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  comment?: string | null;
}
