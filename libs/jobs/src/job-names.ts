/*
 * Queue and job names are persistent identifiers: they are stored in Redis with every queued job
 * and in the outbox table. Renaming one strands the jobs already queued under the old name, so add
 * a new name and keep the old one until its queue has drained.
 */

export enum QueueName {
  Mail = 'mail',
  Reminders = 'reminders',
  Feeds = 'feeds',
  Reports = 'reports',
  Maintenance = 'maintenance',
}

export enum JobName {
  PruneOutbox = 'prune-outbox',
  /** An event changed in a way feeds may show (published, edited, cancelled, organisers). Owner: feeds. */
  EventChanged = 'event-changed',
  /** An association's name or slug changed: the events it organises render differently. Owner: feeds. */
  AssociationChanged = 'association-changed',
  /** An occasion's name changed. Owner: feeds. */
  OccasionChanged = 'occasion-changed',
  /** Re-render one feed (debounced per feed key). Owner: feeds. */
  RenderFeed = 'render-feed',
  /** Tell someone something by mail (see Notification). Owner: notifications. */
  Notify = 'notify',
  /** Make the status report of a scheduled slot (1 August, 1 December). Owner: kpi. */
  GenerateStatusReport = 'generate-status-report',
  /** An event's capacity rose (or was lifted): promote its waiting list. Owner: registrations. */
  PromoteWaitlist = 'promote-waitlist',
  /** A registrant's reminder, delayed until its due time; job id `reminder_<registrationId>_<offsetMinutes>`. Owner: notifications. */
  SendReminder = 'send-reminder',
  /** Ask a registrant how the event was, delayed until after it ended; job id `feedback_<registrationId>`. Owner: notifications. */
  SendFeedbackRequest = 'send-feedback-request',
  /** Anonymise personal data past its retention (nightly). Owner: registrations. */
  PurgePersonalData = 'purge-personal-data',
  /** Anonymise assignment requesters past their retention (nightly). Owner: workplan. */
  PurgeAssignmentRequesters = 'purge-assignment-requesters',
}

/**
 * Everything the product tells people by mail. Producers enqueue `JobName.Notify` with one of
 * these in the transaction of the change; the notifications lib re-reads the rows when sending
 * (so a mail always shows current data) and records each send so none goes out twice.
 */
export type Notification =
  // accounts and associations
  | { kind: 'association-approved'; associationId: string }
  | { kind: 'association-rejected'; associationId: string; reason: string }
  | { kind: 'member-added'; associationId: string; userId: string }
  /** The job creates the token (only its hash is stored), so no secret sits in the outbox. */
  | { kind: 'password-reset'; userId: string }
  /** Someone signed up an association with the address of this account: what to do instead. */
  | { kind: 'sign-up-existing-account'; userId: string; associationName: string }
  /** A sign-up made a PENDING association: TFI's admins hear that it waits for approval. */
  | { kind: 'association-signed-up'; associationId: string }
  // events, to their organisers
  | { kind: 'event-submitted'; eventId: string }
  | { kind: 'event-published'; eventId: string }
  | { kind: 'event-rejected'; eventId: string; reason: string }
  | { kind: 'co-organizer-invited'; eventId: string; associationId: string }
  // events, to everyone registered
  | { kind: 'event-moved'; eventId: string }
  | { kind: 'event-cancelled'; eventId: string; reason: string }
  /** One registrant's part of an 'event-moved' fan-out (so one bad address never blocks the rest); `fingerprint` names the new time and place. Owner: notifications. */
  | { kind: 'registrant-event-moved'; registrationId: string; fingerprint: string }
  /** One registrant's part of an 'event-cancelled' fan-out. Owner: notifications. */
  | { kind: 'registrant-event-cancelled'; registrationId: string; reason: string }
  /**
   * An organiser's message to everyone confirmed or waiting; `messageId` names it, so a retried
   * job mails nobody twice. The text is plain (escaped when laid out as HTML).
   */
  | { kind: 'registrants-message'; eventId: string; messageId: string; subject: string; text: string }
  // registrations, to the registrant (confirmation and promotion also schedule the reminders)
  | { kind: 'registration-confirmed'; registrationId: string }
  | { kind: 'registration-waitlisted'; registrationId: string }
  | { kind: 'registration-promoted'; registrationId: string }
  | { kind: 'registration-cancelled'; registrationId: string }
  // International Day participations, to their contact person
  | { kind: 'participation-received'; participationId: string }
  | { kind: 'participation-confirmed'; participationId: string }
  | { kind: 'participation-waitlisted'; participationId: string }
  | { kind: 'participation-declined'; participationId: string; reason: string }
  // status reports, to the report's recipients (REPORT_RECIPIENTS when it was made); render with @mangfold/kpi statusReportMail()
  | { kind: 'status-report'; reportId: string }
  // work plan: the satisfaction survey to an assignment's requester, once, on completion (job id requester-survey_<assignmentId>)
  | { kind: 'requester-survey'; assignmentId: string };

/** The payload each job carries; producers and processors share this one map. */
export interface JobPayloads {
  [JobName.PruneOutbox]: { olderThanDays: number };
  [JobName.EventChanged]: { eventId: string };
  [JobName.AssociationChanged]: { associationId: string };
  [JobName.OccasionChanged]: { occasionId: string };
  [JobName.RenderFeed]: { feedKey: string };
  [JobName.Notify]: Notification;
  /** The year defaults to the year of the slot's scheduled time in Copenhagen. */
  [JobName.GenerateStatusReport]: { period: 'AUGUST' | 'DECEMBER'; year?: number };
  [JobName.PromoteWaitlist]: { eventId: string };
  /** `startsAt`: the event start (ISO) the reminder was scheduled for; a moved event makes it stale. */
  [JobName.SendReminder]: { registrationId: string; offsetMinutes: number; startsAt: string };
  /** `endsAt`: the event end (ISO) the request was scheduled after; a moved event makes it stale. */
  [JobName.SendFeedbackRequest]: { registrationId: string; endsAt: string };
  [JobName.PurgePersonalData]: Record<string, never>;
  [JobName.PurgeAssignmentRequesters]: Record<string, never>;
}

/** Which queue each job runs on. */
export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.PruneOutbox]: QueueName.Maintenance,
  [JobName.EventChanged]: QueueName.Feeds,
  [JobName.AssociationChanged]: QueueName.Feeds,
  [JobName.OccasionChanged]: QueueName.Feeds,
  [JobName.RenderFeed]: QueueName.Feeds,
  [JobName.Notify]: QueueName.Mail,
  [JobName.GenerateStatusReport]: QueueName.Reports,
  [JobName.PromoteWaitlist]: QueueName.Maintenance,
  [JobName.SendReminder]: QueueName.Reminders,
  [JobName.SendFeedbackRequest]: QueueName.Reminders,
  [JobName.PurgePersonalData]: QueueName.Maintenance,
  [JobName.PurgeAssignmentRequesters]: QueueName.Maintenance,
};
