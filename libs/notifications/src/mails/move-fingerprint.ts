import { createHash } from 'node:crypto';
import type { Event } from '@mangfold/calendar';

/** The time and place an event-moved mail is about; a newer move gets a new fingerprint, and its own mail. */
export function moveFingerprint(event: Event): string {
  const l = event.location;
  const parts = [
    event.startsAt.toISOString(),
    event.endsAt.toISOString(),
    event.allDay,
    event.timeZone,
    l.name,
    l.address,
    l.postalCode,
    l.city,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}
