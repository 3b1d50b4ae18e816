import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';
import { normalizeCvr } from '@mangfold/common';

/** `normalizeCvr` on an input field. */
export const CvrNormalized = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => normalizeCvr(value));

/** Optional, but when present must not be null: the validators after it then reject null. */
export const NotNullWhenPresent = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
