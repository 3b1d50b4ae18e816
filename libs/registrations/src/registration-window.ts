import { EventKind, EventStatus } from '@mangfold/calendar';
import { pgDate } from './sql-values';

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

/** The columns of an event row that decide its window, as a raw query reads them. */
export interface RegistrationWindowRow {
  kind: EventKind;
  status: EventStatus;
  capacity: number | null;
  registration_required: boolean;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  starts_at: string;
}

export function windowOfRow(r: RegistrationWindowRow): RegistrationWindow {
  return {
    kind: r.kind,
    status: r.status,
    capacity: r.capacity,
    registrationRequired: r.registration_required,
    registrationOpensAt: pgDate(r.registration_opens_at),
    registrationClosesAt: pgDate(r.registration_closes_at),
    startsAt: pgDate(r.starts_at),
  };
}
