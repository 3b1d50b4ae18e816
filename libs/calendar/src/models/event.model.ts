import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@mangfold/graphql';
import { EventKind, EventStatus } from '../event.entity';

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What an event is',
  valuesMap: {
    CULTURAL_EVENT: { description: 'An event marking a cultural, religious or national occasion' },
    INTERNATIONAL_DAY: { description: "TFI's yearly International Day" },
    SEMINAR: { description: 'A seminar, e.g. project management for volunteers' },
    NETWORK_MEETING: { description: 'A network meeting between associations and the city' },
  },
});

registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Where an event is in moderation; only PUBLISHED and CANCELLED events are public',
  valuesMap: {
    DRAFT: { description: 'Being written by its organisers; visible to them and to admins' },
    SUBMITTED: { description: 'Waiting for TFI to publish or reject it' },
    PUBLISHED: { description: 'In the public calendar and its feeds' },
    REJECTED: { description: 'Not published; `statusReason` says why. The organisers may edit and submit again' },
    CANCELLED: { description: 'Called off; a published event stays visible as cancelled' },
  },
});

@ObjectType('EventLocation', { description: 'Where an event takes place' })
export class EventLocationModel {
  @Field(() => String, { nullable: true, description: 'e.g. "Fælleshuset"' })
  name!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84' })
  longitude!: number | null;
}

@ObjectType('EventOccurrence', { description: 'One occurrence of an event (a single event has exactly one)' })
export class EventOccurrenceModel {
  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field({
    description: 'The start as wall-clock time in the event\'s time zone with that moment\'s offset, e.g. "2027-03-30T18:00:00+02:00"',
  })
  startsAtLocal!: string;

  @Field({ description: "The end as wall-clock time in the event's time zone with that moment's offset" })
  endsAtLocal!: string;
}

@ObjectType('Event', {
  description:
    'An event in the calendar. Instants (`startsAt`, `endsAt`) are UTC; `timeZone` is the zone the organisers meant, and ' +
    '`startsAtLocal`/`endsAtLocal` give the wall-clock times there. All-day events run from local midnight of their first ' +
    'day to local midnight after their last (`endsAt` is exclusive, as in iCalendar). A recurring event (`recurrence`) ' +
    'repeats in local time: a weekly 18:00 event stays at 18:00 across daylight-saving changes.',
})
export class EventModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable, URL-safe name of the event' })
  slug!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => GraphQLISODateTime, { description: 'Start of the (first) occurrence, UTC' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'End of the (first) occurrence, UTC; exclusive local midnight for all-day events' })
  endsAt!: Date;

  @Field()
  allDay!: boolean;

  @Field({ description: 'IANA time zone, e.g. Europe/Copenhagen' })
  timeZone!: string;

  @Field(() => String, {
    nullable: true,
    description: 'RFC 5545 RRULE value (no "RRULE:" prefix), e.g. "FREQ=WEEKLY;COUNT=10"; null for an event that happens once',
  })
  recurrence!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the last occurrence ends; null for an open-ended series' })
  lastEndsAt!: Date | null;

  @Field(() => EventLocationModel)
  location!: EventLocationModel;

  @Field(() => Int, { nullable: true, description: 'Seats (or stands) in total; null means unlimited' })
  capacity!: number | null;

  @Field()
  registrationRequired!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  registrationOpensAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  registrationClosesAt!: Date | null;

  @Field(() => Int, { description: 'People on the waiting list' })
  waitlistLength!: number;

  @Field(() => [String], { description: 'ISO 639 codes of the languages spoken at the event, e.g. ["da", "ar"]' })
  languages!: string[];

  @Field()
  isFree!: boolean;

  @Field(() => Int, { description: 'RFC 5545 SEQUENCE: increases on every change a calendar subscriber can see' })
  sequence!: number;

  @Field(() => String, { nullable: true, description: 'Why the event was rejected or cancelled' })
  statusReason!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

@ObjectType('EventEdge')
export class EventEdge {
  @Field()
  cursor!: string;

  @Field(() => EventModel)
  node!: EventModel;

  @Field(() => EventOccurrenceModel, {
    description: 'The occurrence this edge lists: `events` lists a recurring event once per occurrence in the window',
  })
  occurrence!: EventOccurrenceModel;
}

@ObjectType('EventConnection')
export class EventConnection {
  @Field(() => [EventEdge])
  edges!: EventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    nullable: true,
    description: 'Number of events matching the filter, whatever the page (a recurring event counts once, if it occurs in the window)',
  })
  totalCount?: number;
}
