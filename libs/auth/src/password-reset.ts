import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { PasswordResetToken } from './password-reset-token.entity';
import { User } from './user.entity';

/** How long an emailed reset link works. */
export const PASSWORD_RESET_TTL_SECONDS = 3600;

/** The stored form of a reset token: its SHA-256, hex. A database leak gives no usable token. */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Creates a single-use password reset token for a user and returns the raw token, which exists
 * only in the caller's hands (to be mailed); only its hash is stored. Flushes through `em`, so a
 * caller inside a transaction commits it with the rest. The notifications job calls this when it
 * sends the `password-reset` mail.
 */
export async function createPasswordResetToken(
  em: EntityManager,
  userId: string,
  ttlSeconds = PASSWORD_RESET_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  // 32 random bytes: guessing one is hopeless, and the rate limit on resetPassword caps trying.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  em.create(PasswordResetToken, { user: em.getReference(User, userId), tokenHash: hashResetToken(token), expiresAt });
  await em.flush();
  return { token, expiresAt };
}

/** Deletes the reset tokens that expired before `now` or were used before `usedBefore`; returns how many. */
export function purgePasswordResetTokens(em: EntityManager, now: Date, usedBefore: Date): Promise<number> {
  return em.nativeDelete(PasswordResetToken, { $or: [{ expiresAt: { $lt: now } }, { usedAt: { $lt: usedBefore } }] });
}
