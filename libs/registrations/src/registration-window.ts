import { EventKind, EventStatus } from '@mangfold/calendar';

/** What decides whether an event takes registrations now. */
export interface RegistrationWindow {
  kind: EventKind;
  status: EventStatus;
  capacity: number | null;
  registrationRequired: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date;
}

/**
 * Why a published event does not take registrations now, or null when it does. Registration is
 * for events that require it or have a capacity; it opens at registrationOpensAt (or at once) and
 * closes at registrationClosesAt, and at the latest when the event starts.
 */
export function registrationClosedReason(event: RegistrationWindow, now: Date): string | null {
  if (event.status === EventStatus.CANCELLED) return 'the event is cancelled';
  if (event.status !== EventStatus.PUBLISHED) return 'the event is not published';
  if (event.kind === EventKind.INTERNATIONAL_DAY) {
    return 'International Day takes participants through registerForInternationalDay; visitors just come';
  }
  if (!event.registrationRequired && event.capacity === null) return 'this event takes no registrations; everyone is welcome';
  if (now >= event.startsAt) return 'registration is closed: the event has started';
  if (event.registrationOpensAt && now < event.registrationOpensAt) {
    return `registration is not open yet; it opens at ${event.registrationOpensAt.toISOString()}`;
  }
  if (event.registrationClosesAt && now >= event.registrationClosesAt) {
    return `registration is closed; it closed at ${event.registrationClosesAt.toISOString()}`;
  }
  return null;
}
