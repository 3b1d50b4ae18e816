import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsInt,
} from 'class-validator';
import { SLUG_PATTERN, Trim } from '@mangfold/common';
import { EventKind } from '../event.entity';
import { LocalizedNameInput, LocalizedLongTextInput } from './localized-text.input';
import { HasSomeText, IsIanaTimeZone, IsTimeInput, LANGUAGE_CODE_PATTERN, TIME_INPUT_HELP } from './validators';

const DATE_MESSAGE = { message: '$property must be an ISO-8601 date-time with offset, e.g. 2027-05-01T18:00:00+02:00' };

@InputType('EventLocationInput', { description: 'Where an event takes place; give latitude and longitude together or not at all' })
export class EventLocationInput {
  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "2200"' })
  @Trim()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, { message: '$property must be a postal code such as 2200' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84, -90 to 90' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84, -180 to 180' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number | null;
}

/** Fields both createEvent and updateEvent take; in updateEvent a field left out stays as it is and null clears it. */
@InputType({ isAbstract: true })
abstract class EventDetailsInput {
  @Field(() => EventKind, { nullable: true, description: 'Default CULTURAL_EVENT' })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => LocalizedLongTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedLongTextInput)
  description?: LocalizedLongTextInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      `End: ${TIME_INPUT_HELP}. Must be after startsAt. Required for timed events. For all-day events it is the day after ` +
      'the last day (exclusive, as in iCalendar); left out, the event lasts one day.',
  })
  @IsOptional()
  @IsTimeInput()
  endsAt?: string;

  @Field(() => Boolean, { nullable: true, description: 'Whole days without a time (default false); startsAt and endsAt are then dates' })
  @IsOptional()
  @IsBoolean()
  allDay?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'IANA time zone the event happens in (default Europe/Copenhagen). Local date-times are read in it, recurrences ' +
      'expand in it, and startsAtLocal/endsAtLocal are given in it.',
  })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'RFC 5545 RRULE value, e.g. "FREQ=WEEKLY;COUNT=10" or "FREQ=MONTHLY;BYDAY=1SA;UNTIL=20271231". Repeats at most daily; ' +
      'startsAt must be the first occurrence. Occurrences keep the local time of startsAt across daylight-saving changes; ' +
      'one that falls in the hour skipped in spring moves forward by that hour (RFC 5545). null makes it a single event.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  recurrence?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Occurrences that do not take place (EXDATE), each the start of an occurrence written like startsAt. ' +
      'In updateEvent, leaving it out while moving the series keeps the exceptions on the same dates.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsTimeInput({ each: true })
  recurrenceExceptions?: string[] | null;

  @Field(() => EventLocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventLocationInput)
  location?: EventLocationInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "One of `districts` (or give districtSlug). Left out, it is the housing area's district; on creation, failing that, " +
      "the organising association's district, so the event is in that district's feed",
  })
  @IsOptional()
  @IsUUID('all', { message: '$property must be the id of a district' })
  districtId?: string | null;

  @Field(() => String, { nullable: true, description: 'The district by its slug, e.g. "noerrebro", instead of districtId' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: '$property must be the slug of a district, e.g. noerrebro' })
  districtSlug?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of `housingAreas` (or give housingAreaSlug)' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be the id of a housing area' })
  housingAreaId?: string | null;

  @Field(() => String, { nullable: true, description: 'The housing area by its slug, e.g. "mjoelnerparken", instead of housingAreaId' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: '$property must be the slug of a housing area, e.g. mjoelnerparken' })
  housingAreaSlug?: string | null;

  @Field(() => ID, { nullable: true, description: 'The occasion the event marks, one of `occasions` (or give occasionSlug)' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be the id of an occasion' })
  occasionId?: string | null;

  @Field(() => String, { nullable: true, description: 'The occasion by its slug, e.g. "eid-al-fitr", instead of occasionId' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: '$property must be the slug of an occasion, e.g. eid-al-fitr' })
  occasionSlug?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats (or stands) in total; null means unlimited' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'People must register to attend (default false)' })
  @IsOptional()
  @IsBoolean()
  registrationRequired?: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate(DATE_MESSAGE)
  registrationOpensAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'No later than the end of the event (of its last occurrence)' })
  @IsOptional()
  @IsDate(DATE_MESSAGE)
  registrationClosesAt?: Date | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639 codes of the languages spoken, e.g. ["da", "ar"]' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(LANGUAGE_CODE_PATTERN, { each: true, message: '$property must hold ISO 639 language codes such as "da" or "ar"' })
  languages?: string[];

  @Field(() => LocalizedLongTextInput, { nullable: true, description: 'Who the event is for' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedLongTextInput)
  audience?: LocalizedLongTextInput | null;

  @Field(() => LocalizedLongTextInput, { nullable: true, description: 'Step-free access, interpretation, …' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedLongTextInput)
  accessibility?: LocalizedLongTextInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Free of charge (default true)' })
  @IsOptional()
  @IsBoolean()
  isFree?: boolean;

  @Field(() => LocalizedLongTextInput, { nullable: true, description: 'What it costs, when it is not free' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedLongTextInput)
  price?: LocalizedLongTextInput | null;
}

@InputType('CreateEventInput')
export class CreateEventInput extends EventDetailsInput {
  @Field(() => ID, { description: 'The association organising the event (its primary organiser); you must be a member of it' })
  @IsUUID('all', { message: '$property must be the id of an association' })
  associationId!: string;

  @Field(() => LocalizedNameInput)
  @ValidateNested()
  @Type(() => LocalizedNameInput)
  @HasSomeText()
  title!: LocalizedNameInput;

  @Field({ description: `Start: ${TIME_INPUT_HELP}` })
  @IsTimeInput()
  startsAt!: string;

  @Field(() => String, { nullable: true, description: 'URL name; made from the title when left out. Never changes afterwards.' })
  @Trim()
  @IsOptional()
  @MaxLength(100)
  @Matches(SLUG_PATTERN, { message: '$property must be lower-case letters, digits and single dashes, e.g. eid-i-valby' })
  slug?: string;
}

@InputType('UpdateEventInput', { description: 'Fields left out stay as they are; null clears an optional field' })
export class UpdateEventInput extends EventDetailsInput {
  @Field(() => LocalizedNameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedNameInput)
  @HasSomeText()
  title?: LocalizedNameInput;

  @Field(() => String, { nullable: true, description: `Start: ${TIME_INPUT_HELP}` })
  @IsOptional()
  @IsTimeInput()
  startsAt?: string;
}

@InputType('EventFilter', { description: 'All given conditions must hold' })
export class EventFilter {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Occurrences still going on at or after this instant' })
  @IsOptional()
  @IsDate(DATE_MESSAGE)
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Occurrences starting before this instant' })
  @IsOptional()
  @IsDate(DATE_MESSAGE)
  to?: Date;

  @Field(() => Boolean, {
    nullable: true,
    description: 'List a recurring event once per occurrence (default true); false lists it once, at its first occurrence',
  })
  @IsOptional()
  @IsBoolean()
  expandRecurring?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'A district by slug, e.g. "noerrebro". An unknown slug is refused (BAD_USER_INPUT); a slug from before the Danish ' +
      'transliteration (æ → ae, ø → oe, å → aa), such as "norrebro", is refused naming the current one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  districtSlug?: string;

  @Field(() => String, { nullable: true, description: 'A housing area by slug, e.g. "mjoelnerparken"; an unknown slug is refused' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  housingAreaSlug?: string;

  @Field(() => String, { nullable: true, description: 'An occasion by slug, e.g. "diwali"; an unknown slug is refused' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  occasionSlug?: string;

  @Field(() => String, { nullable: true, description: 'Events with this theme of the work plan (see `themes`)' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  themeSlug?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Events this approved association organises or co-organises; an unknown slug is refused',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  associationSlug?: string;

  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => String, { nullable: true, description: 'ISO 639 code of a language spoken at the event, e.g. "ar"' })
  @IsOptional()
  @Matches(LANGUAGE_CODE_PATTERN, { message: '$property must be an ISO 639 language code such as "da" or "ar"' })
  language?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Words that must all appear (as whole words or parts of words) in the title or description, in Danish or English',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: seats left (or no limit); false: full' })
  @IsOptional()
  @IsBoolean()
  hasFreeSeats?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: free of charge; false: with a price' })
  @IsOptional()
  @IsBoolean()
  isFree?: boolean;
}
