import { ParticipationActivity } from '@mangfold/registrations';
import type { FieldErrors } from '@mangfold/graphql';
import { checked, optional, text } from '../../forms/form-input';

/** The sign-up form's fields as posted: every value a string; each activity a checkbox of its own (`activity-STAND`). */
export type ParticipationFormValues = Record<string, string>;

export const ACTIVITIES = Object.values(ParticipationActivity);

export const activityField = (activity: ParticipationActivity): string => `activity-${activity}`;

const NUMBERS = ['representatives', 'tables', 'performanceMinutes'] as const;
const TEXTS = ['notes', 'contactPhone'] as const;

/** A whole number as typed, as a number; anything else goes on for the input to refuse; blank is "not given". */
function whole(body: Record<string, unknown>, name: string): number | string | undefined {
  const value = optional(body, name);
  if (value === null) return undefined;
  return /^\d{1,6}$/.test(value) ? Number(value) : value;
}

/**
 * The posted form as the raw ParticipationInput of registerForInternationalDay for the association
 * of the page; the input class then checks it by the API's rules.
 */
export function participationInputFrom(body: Record<string, unknown>, associationId: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    associationId,
    activities: ACTIVITIES.filter((a) => checked(body, activityField(a))),
    needsPower: checked(body, 'needsPower'),
    foodHygieneConfirmed: checked(body, 'foodHygieneConfirmed'),
    contactName: text(body, 'contactName'),
    contactEmail: text(body, 'contactEmail'),
  };
  for (const name of NUMBERS) {
    const value = whole(body, name);
    // Left out, an optional number takes the input's default (no tables, no performance).
    if (value !== undefined) raw[name] = value;
  }
  for (const name of TEXTS) raw[name] = optional(body, name);
  return raw;
}

/** Where a problem of the API shows in the form: the activities' fieldset, or the page (`form`) for the day itself. */
export function participationErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, problem] of Object.entries(errors)) {
    const name = key.startsWith('activities') ? 'activities' : key === 'year' || key === 'associationId' ? 'form' : key;
    out[name] ??= problem;
  }
  return out;
}

/** A fresh form: the member's own name and address as the day's contact, one representative. */
export function freshParticipationValues(contact: { name: string | null; email: string }): ParticipationFormValues {
  return { representatives: '2', tables: '0', contactName: contact.name ?? '', contactEmail: contact.email };
}
