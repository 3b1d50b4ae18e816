import { plainToInstance } from 'class-transformer';
import { Trim, TrimLower, trimToNull } from './text';

class Form {
  @Trim()
  name?: unknown;

  @TrimLower()
  email?: unknown;
}

describe('the blank rule', () => {
  it('trims text and makes a blank no value (null)', () => {
    expect(trimToNull('  Valby Kulturbro ')).toBe('Valby Kulturbro');
    expect(trimToNull('')).toBeNull();
    expect(trimToNull(' \t\n ')).toBeNull();
  });

  it('leaves anything not a string as it is', () => {
    expect(trimToNull(undefined)).toBeUndefined();
    expect(trimToNull(null)).toBeNull();
    expect(trimToNull(3)).toBe(3);
  });

  it('applies to input fields, lower-casing emails', () => {
    const form = plainToInstance(Form, { name: '  Bo ', email: ' Bo@Example.ORG ' });
    expect(form).toEqual({ name: 'Bo', email: 'bo@example.org' });
    expect(plainToInstance(Form, { name: '   ', email: '  ' })).toEqual({ name: null, email: null });
    expect(plainToInstance(Form, {})).toEqual({});
  });
});
