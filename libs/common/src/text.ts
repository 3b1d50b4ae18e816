import { Transform } from 'class-transformer';

/**
 * The one blank rule for text people type: trimmed, and a text that is blank once trimmed is no
 * value (null). Optional fields then skip their validators (in an update, null clears the field);
 * required ones refuse it with their own message. Anything not a string passes unchanged.
 */
export function trimToNull(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** `trimToNull` on an input field. */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => trimToNull(value));

/** `trimToNull`, lower-cased (emails). */
export const TrimLower = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const trimmed = trimToNull(value);
    return typeof trimmed === 'string' ? trimmed.toLowerCase() : trimmed;
  });
