import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Trimmed } from './transforms';

@InputType()
export class LocalizedTextInput {
  @Field(() => String, { nullable: true, description: 'Danish' })
  @Trimmed({ blankAsNull: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  da?: string | null;

  @Field(() => String, { nullable: true, description: 'English' })
  @Trimmed({ blankAsNull: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  en?: string | null;
}
