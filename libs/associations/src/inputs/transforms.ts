import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims strings; a blank optional value becomes null (cleared), so "" never lands in the database. */
export const Trimmed = (options: { blankAsNull?: boolean } = {}): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return options.blankAsNull && trimmed === '' ? null : trimmed;
  });

/** Lower-cased and trimmed, for emails. */
export const LowerCased = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Spaces and a DK prefix removed, so "DK 1234 5678" is accepted as 12345678. */
export const CvrNormalized = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const compact = value.replace(/[\s.-]/g, '').replace(/^DK/i, '');
    return compact === '' ? null : compact;
  });

/** Optional, but when present must not be null: the validators after it then reject null. */
export const NotNullWhenPresent = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,30}[0-9]$/;
export const CVR_PATTERN = /^[0-9]{8}$/;
