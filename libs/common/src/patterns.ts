/** URL names: lower-case letters and digits in words joined by single dashes ("valby-kulturbro"). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Phone numbers as people type them: digits, spaces, dashes and parentheses, an optional leading +,
 * beginning and ending with a digit; 6 to 33 characters, so it fits the 40-character columns.
 */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,30}[0-9]$/;
export const PHONE_MESSAGE = 'must be a phone number, e.g. +45 12 34 56 78';

/** A Danish CVR number: 8 digits (see `normalizeCvr` for what people type). */
export const CVR_PATTERN = /^[0-9]{8}$/;

/** Spaces, dots, dashes and a DK prefix removed, so "DK 1234 5678" reads as 12345678; blank is null. */
export function normalizeCvr(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/[\s.-]/g, '').replace(/^DK/i, '');
  return compact === '' ? null : compact;
}
