import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidTimeZone } from '@mangfold/config';
import { parseTimeInput } from '../time/local-time';

export const TIME_INPUT_HELP =
  'a local date-time in the event\'s time zone ("2027-05-01T18:00"), an instant with offset ("2027-05-01T18:00:00+02:00" or "…Z"), ' +
  'or a date ("2027-05-01") for all-day events';

/** "2027-05-01", "2027-05-01T18:00" or "2027-05-01T18:00:00+02:00"; which one fits is checked with allDay by the service. */
export const IsTimeInput = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isTimeInput',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTimeInput(value) !== null,
        defaultMessage: () => `$property must be ${TIME_INPUT_HELP}`,
      },
    },
    options,
  );

/** An IANA zone name such as Europe/Copenhagen. */
export const IsIanaTimeZone = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: () => '$property must be an IANA time zone such as Europe/Copenhagen',
      },
    },
    options,
  );

/** A real calendar date written YYYY-MM-DD. */
export const IsLocalDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTimeInput(value)?.kind === 'date',
        defaultMessage: () => '$property must be a date written YYYY-MM-DD',
      },
    },
    options,
  );

/** Localized text with at least one language filled in. */
export const HasSomeText = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'hasSomeText',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' && value !== null && Object.values(value).some((v) => typeof v === 'string' && v.trim() !== ''),
        defaultMessage: () => '$property needs a text in at least one language (da or en)',
      },
    },
    options,
  );

export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}$/;
