import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ConnectionType } from '@mangfold/graphql';
import { MailDeliveryStatus } from '../mail-delivery.entity';

registerEnumType(MailDeliveryStatus, {
  name: 'MailDeliveryStatus',
  description: 'Where a mail is: handed to the mail server, accepted, waiting for a retry, or failed for good',
  valuesMap: {
    SENDING: { description: 'Handed to the mail server; its answer is not recorded yet' },
    SENT: { description: 'Accepted by the mail server' },
    RETRYING: { description: 'A transient failure; retried with backoff' },
    FAILED: { description: 'Refused for good (5xx) or retries spent; see lastError' },
  },
});

@ObjectType('MailDelivery', { description: 'One mail the calendar sent or tried to send (admins only)' })
export class MailDeliveryModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What the mail is, e.g. registration-confirmed, reminder, event-moved' })
  kind!: string;

  @Field(() => MailDeliveryStatus)
  status!: MailDeliveryStatus;

  @Field(() => String, { nullable: true, description: 'Null once the registration it went to was anonymised' })
  recipient!: string | null;

  @Field({ description: 'Language of the mail: da or en' })
  locale!: string;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => ID, { nullable: true })
  registrationId!: string | null;

  @Field(() => ID, { nullable: true })
  eventId!: string | null;

  @Field(() => Int, { nullable: true, description: 'For reminders: minutes before the start' })
  offsetMinutes!: number | null;

  @Field(() => Int, { description: 'Attempts so far' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: "The last failure, e.g. the mail server's 550 answer" })
  lastError!: string | null;

  @Field(() => String, { nullable: true, description: "The mail server's answer when it accepted the mail" })
  response!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true })
  failedAt!: Date | null;
}

export const MailDeliveryConnection = ConnectionType(MailDeliveryModel, 'MailDelivery');

@InputType()
export class MailDeliveryFilter {
  @Field(() => ID, { nullable: true, description: "Only this registration's mails" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a registration id' })
  registrationId?: string;

  @Field(() => ID, { nullable: true, description: "Only mails about this event (its registrants' and organisers')" })
  @IsOptional()
  @IsUUID('all', { message: 'must be an event id' })
  eventId?: string;

  @Field(() => [MailDeliveryStatus], { nullable: true, description: 'e.g. [FAILED, RETRYING] for what needs attention' })
  @IsOptional()
  @IsArray()
  @IsEnum(MailDeliveryStatus, { each: true })
  status?: MailDeliveryStatus[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z-]{1,64}$/, { message: 'must be a mail kind such as reminder or registration-confirmed' })
  kind?: string;
}

@ObjectType('QueueDashboardLink', { description: 'A one-time link that opens the queue dashboard in a browser' })
export class QueueDashboardLinkModel {
  @Field()
  url!: string;

  @Field({ description: 'The link must be opened before this; the session it opens lasts an hour' })
  expiresAt!: Date;
}

@ArgsType()
export class MailDeliveriesArgs {
  @Field(() => MailDeliveryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MailDeliveryFilter)
  filter?: MailDeliveryFilter;

  @Field(() => Int, { defaultValue: 25, description: 'At most 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 25;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string;
}
