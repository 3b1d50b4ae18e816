import type { Association } from '@mangfold/associations';
import { checked, optional, text } from '../../forms/form-input';

/** The profile form's fields as posted or as stored: every value a string, names the input's dotted paths. */
export type ProfileFormValues = Record<string, string>;

const OPTIONAL = ['districtSlug', 'housingAreaSlug', 'website', 'contactEmail', 'contactPhone', 'cvr'] as const;
const ADDRESS = ['address', 'postalCode', 'city'] as const;
const COORDINATES = ['latitude', 'longitude'] as const;

/** A coordinate as typed ("55,69" or "55.69") as a number; what is not a number goes on for the input to refuse. */
function coordinate(body: Record<string, unknown>, name: string): number | string | null {
  const value = optional(body, name);
  if (value === null) return null;
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : value;
}

/**
 * The posted form as the raw input of updateAssociation: every field is given, so a blank one is
 * cleared (null) as the mutation clears it, and the input class then checks it by the API's rules.
 */
export function profileInputFrom(body: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    name: text(body, 'name'),
    kind: text(body, 'kind'),
    description: { da: optional(body, 'description.da'), en: optional(body, 'description.en') },
    showContact: checked(body, 'showContact'),
  };
  for (const name of OPTIONAL) raw[name] = optional(body, name);
  const location: Record<string, unknown> = {};
  for (const name of ADDRESS) location[name] = optional(body, `location.${name}`);
  for (const name of COORDINATES) location[name] = coordinate(body, `location.${name}`);
  raw.location = location;
  return raw;
}

/** An association as the form shows it, so editing starts from what is stored. */
export function valuesFromAssociation(association: Association): ProfileFormValues {
  const l = association.location;
  const values: ProfileFormValues = {
    name: association.name,
    kind: association.kind,
    'description.da': association.description.da ?? '',
    'description.en': association.description.en ?? '',
    districtSlug: association.district?.slug ?? '',
    housingAreaSlug: association.housingArea?.slug ?? '',
    website: association.website ?? '',
    contactEmail: association.contactEmail ?? '',
    contactPhone: association.contactPhone ?? '',
    showContact: association.showContact ? 'on' : '',
    cvr: association.cvr ?? '',
  };
  for (const name of ADDRESS) values[`location.${name}`] = l[name] ?? '';
  for (const name of COORDINATES) values[`location.${name}`] = l[name] === null ? '' : String(l[name]);
  return values;
}
