import { BadUserInputError } from '@mangfold/graphql';
import type { Event, EventLocation } from './event.entity';

/** A moderation or cancellation reason: trimmed, 1–2,000 characters. */
export function parseReason(value: string, field = 'reason'): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (!reason) throw BadUserInputError.field(field, `${field} must say why`);
  if (reason.length > 2000) throw BadUserInputError.field(field, `${field} must be at most 2000 characters`);
  return reason;
}

/** The fields of an event as the audit trail records them (JSON, ids for relations). */
export function eventSnapshot(e: Event): Record<string, unknown> {
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    allDay: e.allDay,
    timeZone: e.timeZone,
    recurrence: e.recurrence,
    recurrenceExceptions: e.recurrenceExceptions,
    location: locationSnapshot(e.location),
    district: e.district?.id ?? null,
    housingArea: e.housingArea?.id ?? null,
    occasion: e.occasion?.id ?? null,
    capacity: e.capacity,
    registrationRequired: e.registrationRequired,
    registrationOpensAt: e.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: e.registrationClosesAt?.toISOString() ?? null,
    languages: e.languages,
    audience: e.audience,
    accessibility: e.accessibility,
    isFree: e.isFree,
    price: e.priceInfo,
  };
}

function locationSnapshot(l: EventLocation): Record<string, unknown> {
  return { name: l.name, address: l.address, postalCode: l.postalCode, city: l.city, latitude: l.latitude, longitude: l.longitude };
}

/** Fields a calendar subscriber sees (in feeds): a change to any of them bumps `sequence`. */
export const SUBSCRIBER_VISIBLE_FIELDS = [
  'kind',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'allDay',
  'timeZone',
  'recurrence',
  'recurrenceExceptions',
  'location',
  'district',
  'housingArea',
  'occasion',
];

/** `{ field: { from, to } }` for every field whose JSON differs. */
export function diffSnapshots(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/**
 * Whether people who planned to come must be told: the time or the place changed. Coordinates
 * alone are a correction of the map pin, not a move.
 */
export function isMove(changes: Record<string, { from: unknown; to: unknown }>): boolean {
  if (['startsAt', 'endsAt', 'allDay', 'recurrence', 'recurrenceExceptions'].some((f) => f in changes)) return true;
  const location = changes.location as { from: Record<string, unknown>; to: Record<string, unknown> } | undefined;
  if (!location) return false;
  return ['name', 'address', 'postalCode', 'city'].some((f) => (location.from[f] ?? null) !== (location.to[f] ?? null));
}
