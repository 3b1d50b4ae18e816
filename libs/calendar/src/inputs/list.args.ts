import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { EventStatus } from '../event.entity';
import { EventFilter } from './event.inputs';

/** Relay paging; `events` allows large pages because feeds and exports read the calendar this way. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, 1 to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 25;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ArgsType()
export class EventsArgs {
  @Field(() => EventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventFilter)
  filter?: EventFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, 1 to 1000' })
  @IsInt()
  @Min(1)
  @Max(1000)
  first: number = 25;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ArgsType()
export class MyEventsArgs extends PageArgs {
  @Field(() => [EventStatus], { nullable: true, description: 'Only events in these statuses' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(EventStatus, { each: true })
  statuses?: EventStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only events of this one of your associations' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be the id of an association' })
  associationId?: string | null;
}

@ArgsType()
export class ModerationQueueArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also events that have already ended' })
  @IsOptional()
  @IsBoolean()
  includePast: boolean = false;
}

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: '$property is not a valid id' })
  id!: string;
}
