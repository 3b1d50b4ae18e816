import type { Notification } from '@mangfold/jobs';

/** Who a mail goes to; each audience has its handler class in this folder. */
export type Audience = 'registrants' | 'organisers' | 'accounts' | 'admins' | 'participants' | 'reports';

export type NotificationKind = Notification['kind'];

/** One notification of a kind. */
export type NotificationOf<K extends NotificationKind> = Extract<Notification, { kind: K }>;

/**
 * Every notification kind and the audience whose handler answers it. `satisfies` makes a kind
 * added to Notification (in @mangfold/jobs) without an entry here fail typecheck, as does the
 * Notifier's handler map.
 */
export const NOTIFICATION_AUDIENCES = {
  'registration-confirmed': 'registrants',
  'registration-waitlisted': 'registrants',
  'registration-promoted': 'registrants',
  'registration-cancelled': 'registrants',
  'event-moved': 'registrants',
  'event-cancelled': 'registrants',
  'registrant-event-moved': 'registrants',
  'registrant-event-cancelled': 'registrants',
  'registrants-message': 'registrants',
  'association-approved': 'accounts',
  'association-rejected': 'accounts',
  'member-added': 'accounts',
  'password-reset': 'accounts',
  'sign-up-existing-account': 'accounts',
  'association-signed-up': 'admins',
  'event-submitted': 'admins',
  'event-published': 'organisers',
  'event-rejected': 'organisers',
  'co-organizer-invited': 'organisers',
  'participation-received': 'participants',
  'participation-confirmed': 'participants',
  'participation-waitlisted': 'participants',
  'participation-declined': 'participants',
  'status-report': 'reports',
  'requester-survey': 'reports',
} as const satisfies Record<NotificationKind, Audience>;

/** Every notification kind, in a stable order. */
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_AUDIENCES) as NotificationKind[];

/**
 * Every kind of mail that goes out (`mail_delivery.kind`, the `X-Mangfold-Kind` header), with its
 * audience and what makes it: a notification kind, or the reminder and feedback jobs. A fan-out
 * notification (`event-moved`) makes no mail itself; its per-registrant jobs do.
 */
export const MAIL_KINDS = {
  'registration-confirmed': { audience: 'registrants', from: 'registration-confirmed' },
  'registration-waitlisted': { audience: 'registrants', from: 'registration-waitlisted' },
  'registration-promoted': { audience: 'registrants', from: 'registration-promoted' },
  'registration-cancelled': { audience: 'registrants', from: 'registration-cancelled' },
  'event-moved': { audience: 'registrants', from: 'registrant-event-moved' },
  'event-cancelled': { audience: 'registrants', from: 'registrant-event-cancelled' },
  'registrants-message': { audience: 'registrants', from: 'registrants-message' },
  reminder: { audience: 'registrants', from: 'send-reminder' },
  'feedback-request': { audience: 'registrants', from: 'send-feedback-request' },
  'association-approved': { audience: 'accounts', from: 'association-approved' },
  'association-rejected': { audience: 'accounts', from: 'association-rejected' },
  'member-added': { audience: 'accounts', from: 'member-added' },
  'password-reset': { audience: 'accounts', from: 'password-reset' },
  'sign-up-existing-account': { audience: 'accounts', from: 'sign-up-existing-account' },
  'association-signed-up': { audience: 'admins', from: 'association-signed-up' },
  'event-submitted': { audience: 'admins', from: 'event-submitted' },
  'event-published': { audience: 'organisers', from: 'event-published' },
  'event-rejected': { audience: 'organisers', from: 'event-rejected' },
  'co-organizer-invited': { audience: 'organisers', from: 'co-organizer-invited' },
  'participation-received': { audience: 'participants', from: 'participation-received' },
  'participation-confirmed': { audience: 'participants', from: 'participation-confirmed' },
  'participation-waitlisted': { audience: 'participants', from: 'participation-waitlisted' },
  'participation-declined': { audience: 'participants', from: 'participation-declined' },
  'status-report': { audience: 'reports', from: 'status-report' },
  'requester-survey': { audience: 'reports', from: 'requester-survey' },
} as const satisfies Record<string, { audience: Audience; from: NotificationKind | 'send-reminder' | 'send-feedback-request' }>;

export type MailKind = keyof typeof MAIL_KINDS;
