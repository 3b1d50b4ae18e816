import { Field, InputType, Int } from '@nestjs/graphql';
import { Equals, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Language, PHONE_MESSAGE, PHONE_PATTERN, Trim, TrimLower } from '@mangfold/common';
import { AttendeeRole } from '../registration.entity';

@InputType({ description: 'The person registering, and the party they bring' })
export class AttendeeInput {
  @Field()
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field({ description: 'Where the confirmation and the link to manage the registration are sent; one registration per email and event' })
  @TrimLower()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email!: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Association, workplace or project' })
  @Trim()
  @IsOptional()
  @Length(1, 200, { message: 'must be at most 200 characters' })
  organisation?: string | null;

  @Field(() => AttendeeRole, { nullable: true })
  @IsOptional()
  @IsEnum(AttendeeRole, { message: 'is not a known role' })
  role?: AttendeeRole | null;

  @Field(() => Int, {
    defaultValue: 1,
    description: 'Seats taken, the registrant included (1–10); the whole party is confirmed or waits together',
  })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10, { message: 'must be at most 10' })
  partySize: number = 1;

  @Field(() => Language, {
    nullable: true,
    description: 'Language of the mails; defaults to the Accept-Language of the request, then Danish',
  })
  @IsOptional()
  @IsEnum(Language, { message: 'must be DA or EN' })
  language?: Language | null;

  @Field({ description: 'Consent to the privacy notice; must be true. The version consented to is recorded.' })
  @IsBoolean({ message: 'is required' })
  @Equals(true, { message: 'you must accept the privacy notice to register' })
  consentToPrivacyNotice!: boolean;
}
