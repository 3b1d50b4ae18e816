import { assertAcceptablePassword, isEmail, normalizeEmail, passwordProblem } from './credentials';
import { hashResetToken } from './password-reset';

describe('credentials', () => {
  it('normalizes emails to trimmed lower case', () => {
    expect(normalizeEmail('  Amina@Forening.DK ')).toBe('amina@forening.dk');
  });

  it.each([
    ['amina@forening.dk', true],
    ['a.b+c@sub.example.org', true],
    ['no-at-sign.dk', false],
    ['two@@example.org', false],
    ['spa ce@example.org', false],
    ['nodot@localhost', false],
    [`${'x'.repeat(250)}@e.dk`, false],
  ])('accepts %s as an email: %s', (email, ok) => {
    expect(isEmail(email)).toBe(ok);
  });

  it('names what is wrong with a new password', () => {
    expect(passwordProblem('short')).toBe('must be at least 10 characters');
    expect(passwordProblem('x'.repeat(201))).toBe('must be at most 200 characters');
    expect(passwordProblem(' '.repeat(12))).toBe('must not be blank');
    expect(passwordProblem('Amina@Forening.dk', 'amina@forening.dk')).toBe('must not be your email address');
    expect(passwordProblem('a-long-enough-passphrase', 'amina@forening.dk')).toBeUndefined();
  });

  it('throws BAD_USER_INPUT naming the field', () => {
    expect(() => assertAcceptablePassword('newPassword', 'short')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { newPassword: 'must be at least 10 characters' } }),
    );
  });

  it('stores reset tokens as their SHA-256', () => {
    expect(hashResetToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
