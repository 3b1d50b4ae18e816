import { BadUserInputError } from '@mangfold/graphql';

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work a single request can ask of scrypt and the size of what we accept. */
export const PASSWORD_MAX_LENGTH = 200;

/** Emails are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately simple: one @, no spaces, a dot in the domain. The mail server has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

/** What is wrong with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim().length === 0) return 'must not be blank';
  if (email && password.trim().toLowerCase() === email.toLowerCase()) return 'must not be your email address';
  return undefined;
}

/** Throws BAD_USER_INPUT naming `field` when the new password is not acceptable. */
export function assertAcceptablePassword(field: string, password: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw BadUserInputError.field(field, problem);
}
