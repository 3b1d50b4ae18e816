import type { RateLimitRule } from './rate-limiter';

/**
 * The limits of the account operations, in one place. Login counts failed attempts only (a
 * successful login takes its attempt back), so the 11th wrong password within a minute is refused,
 * per email and per client IP.
 */
export const AUTH_RATE_LIMITS = {
  loginPerEmail: { name: 'login-email', limit: 10, windowSeconds: 60 },
  loginPerIp: { name: 'login-ip', limit: 10, windowSeconds: 60 },
  /** Every sign-up attempt that passes validation counts; an IP is generous for a workshop at a community centre. */
  signUpPerIp: { name: 'signup-ip', limit: 30, windowSeconds: 3600 },
  signUpPerEmail: { name: 'signup-email', limit: 10, windowSeconds: 3600 },
  passwordResetRequestPerEmail: { name: 'reset-request-email', limit: 5, windowSeconds: 3600 },
  passwordResetRequestPerIp: { name: 'reset-request-ip', limit: 20, windowSeconds: 3600 },
  /** Failed uses of a reset token. */
  passwordResetPerIp: { name: 'reset-ip', limit: 20, windowSeconds: 600 },
  /** Failed password changes (wrong current password). */
  changePasswordPerUser: { name: 'change-password-user', limit: 10, windowSeconds: 900 },
} as const satisfies Record<string, RateLimitRule>;
