import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Language } from '@mangfold/common';
import { AttendeeRole, CancelledBy, RegistrationStatus } from '../registration.entity';
import './enums';

/**
 * Who is looking at a registration decides which fields are filled:
 * - REGISTRANT: proved the management token (or just registered): everything, the secret links included.
 * - ORGANIZER: an organiser of the event or an admin: personal data, never the secret links.
 * - REPEAT: someone registered an email that already has a registration; they may not be its
 *   owner, so they learn only what they sent (the email), the status, and that a mail is on its way.
 */
export type RegistrationAudience = 'REGISTRANT' | 'ORGANIZER' | 'REPEAT';

@ObjectType('Registration', { description: 'A person’s registration for an event (with their party)' })
export class RegistrationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The event registered for' })
  eventId!: string;

  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Field(() => Int, { description: 'Seats this registration takes, the registrant included' })
  partySize!: number;

  @Field(() => String, { nullable: true, description: 'Null once anonymised, and in the answer to a repeated registration' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Null once anonymised' })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => AttendeeRole, { nullable: true })
  role!: AttendeeRole | null;

  @Field(() => Language, { description: 'Language of the mails' })
  language!: Language;

  @Field({ description: 'Version of the privacy notice consented to' })
  consentVersion!: string;

  @Field(() => Date, { nullable: true })
  consentedAt!: Date | null;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it moved from the waiting list to a confirmed seat' })
  promotedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => CancelledBy, { nullable: true })
  cancelledBy!: CancelledBy | null;

  @Field(() => Date, { nullable: true })
  checkedInAt!: Date | null;

  @Field({
    description:
      'True when registerForEvent found a live registration for this email and returned it instead of creating one; ' +
      'its secret links are then sent by mail, never in the answer',
  })
  alreadyRegistered!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Secret: lets whoever holds it see, cancel and rate this registration. Only in the answer that created the registration ' +
      'and to the token holder; keep it out of URLs you share',
  })
  managementToken!: string | null;

  @Field(() => String, { nullable: true, description: 'Secret link to see, cancel and rate the registration (as in the mails)' })
  managementUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Secret token of the registrant’s own calendar feed of all their registrations' })
  calendarToken!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Secret iCalendar feed of all the registrant’s registrations (subscribe in a calendar app)',
  })
  personalFeedUrl!: string | null;

  /** Not a field: who is looking (see RegistrationAudience). */
  audience!: RegistrationAudience;

  /** Not a field: the position when the service already knows it, saving a query. */
  knownWaitlistPosition?: number | null;
}

@ObjectType('Feedback', { description: 'A satisfaction answer after an event' })
export class FeedbackModel {
  @Field(() => ID)
  id!: string;

  @Field()
  satisfied!: boolean;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('RegistrationCounts', { description: 'Head counts of an event’s registrations (no personal data)' })
export class RegistrationCountsModel {
  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'Whether registerForEvent accepts registrations for the event now' })
  registrationOpen!: boolean;

  @Field(() => Int, { nullable: true, description: 'Seats in total; null means unlimited' })
  capacity!: number | null;

  @Field(() => Int, { nullable: true, description: 'Seats still free; null means unlimited' })
  seatsLeft!: number | null;

  @Field(() => Int, { description: 'Seats held by confirmed registrations (people, parties counted in full)' })
  seatsTaken!: number;

  @Field(() => Int, { description: 'People with a confirmed seat (same as seatsTaken)' })
  confirmed!: number;

  @Field(() => Int, { description: 'Confirmed registrations (parties)' })
  confirmedRegistrations!: number;

  @Field(() => Int, { description: 'People checked in' })
  checkedIn!: number;

  @Field(() => Int, { description: 'Parties on the waiting list' })
  waitlistLength!: number;

  @Field(() => Int, { description: 'People on the waiting list' })
  waitlisted!: number;

  @Field(() => Int, { description: 'Cancelled registrations' })
  cancelled!: number;
}

@ObjectType('RegistrationSettings', { description: 'How an event’s waiting list behaves' })
export class RegistrationSettingsModel {
  @Field(() => ID)
  eventId!: string;

  @Field({
    description:
      'false (default): strict first come, first served — when seats free up, waiting parties are promoted in arrival order and promotion ' +
      'stops at the first party that does not fit. true: a later, smaller party that fits may go ahead of an earlier one that does not.',
  })
  allowWaitlistSkipping!: boolean;
}
