import { Transform } from 'class-transformer';

/** Trims strings; an empty optional string becomes null, so "" never passes for a value. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

/** Trims and lower-cases (emails). */
export const TrimLower = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value));

/** Phone numbers as people type them: digits, spaces, dashes, parentheses, an optional leading +. */
export const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;
export const PHONE_MESSAGE = 'must be a phone number, e.g. +45 12 34 56 78';
