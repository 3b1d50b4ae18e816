import { Role } from '@mangfold/auth';
import type { Association } from '@mangfold/associations';
import { OutboxMessage } from '@mangfold/jobs';
import { AuditEntry } from '@mangfold/db';
import { createUser, tokenFor } from '../factories';
import { dataOf, type TestApp } from '../utils';

export const EVENT_FIELDS = `
  id slug kind status sequence title description startsAt endsAt startsAtLocal endsAtLocal allDay timeZone
  recurrence recurrenceExceptions lastEndsAt statusReason capacity seatsLeft waitlistLength registrationRequired
  languages isFree updatedAt publishedAt cancelledAt
  location { name address postalCode city latitude longitude }
  district { slug } housingArea { slug } occasion { slug }
  organizers { id slug name kind }
`;

export async function adminToken(app: TestApp): Promise<string> {
  return tokenFor(app, await createUser(app.em(), { role: Role.ADMIN }));
}

/** A complete, valid createEvent input for an association. */
export function eventInput(association: Association, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    associationId: association.id,
    title: { da: 'Nowruz-fest i Valby', en: 'Nowruz party in Valby' },
    description: { da: 'Persisk nytår med musik.', en: 'Persian New Year with music.' },
    startsAt: '2027-03-20T15:00',
    endsAt: '2027-03-20T18:00',
    location: {
      name: 'Valby Kulturhus',
      address: 'Valgårdsvej 4',
      postalCode: '2500',
      city: 'København',
      latitude: 55.6626,
      longitude: 12.5152,
    },
    languages: ['da', 'fa'],
    ...overrides,
  };
}

export async function createEventVia(app: TestApp, token: string, input: Record<string, unknown>): Promise<any> {
  const res = await app.gql(`mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`, { input }, token);
  return dataOf(res).createEvent;
}

export async function transition(app: TestApp, token: string, mutation: string, id: string, reason?: string): Promise<any> {
  const args = reason === undefined ? '$id: ID!' : '$id: ID!, $reason: String!';
  const call = reason === undefined ? `${mutation}(id: $id)` : `${mutation}(id: $id, reason: $reason)`;
  const res = await app.gql(`mutation(${args}) { ${call} { ${EVENT_FIELDS} } }`, { id, reason }, token);
  return dataOf(res)[mutation];
}

/** Creates, submits and publishes an event; returns it as published. */
export async function publishedEvent(app: TestApp, member: string, admin: string, input: Record<string, unknown>): Promise<any> {
  const event = await createEventVia(app, member, input);
  await transition(app, member, 'submitEvent', event.id);
  return transition(app, admin, 'publishEvent', event.id);
}

/** Jobs written to the outbox for an event, as `name` or `notify:<kind>`. */
export async function jobsFor(app: TestApp, eventId: string): Promise<string[]> {
  const rows = await app.em().find(OutboxMessage, {}, { orderBy: { id: 'asc' } });
  return rows
    .filter((r) => (r.payload as { eventId?: string }).eventId === eventId)
    .map((r) => (r.name === 'notify' ? `notify:${(r.payload as { kind: string }).kind}` : r.name));
}

export async function auditActions(app: TestApp, entityId: string): Promise<string[]> {
  const rows = await app.em().find(AuditEntry, { entityId }, { orderBy: { at: 'asc', id: 'asc' } });
  return rows.map((r) => r.action);
}
