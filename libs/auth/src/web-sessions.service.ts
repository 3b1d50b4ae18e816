import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from './decorators';
import { User } from './user.entity';
import { WebSession } from './web-session.entity';

/** A session lasts this long without use, and never longer than the absolute limit. */
const IDLE_SECONDS = 8 * 3600;
const ABSOLUTE_SECONDS = 7 * 24 * 3600;
/** lastSeenAt is written at most this often, so a page view is not a write. */
const TOUCH_EVERY_SECONDS = 300;

export interface ResolvedSession {
  id: string;
  user: AuthUser & { locale: string; name: string | null };
  csrfToken: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

@Injectable()
export class WebSessionsService {
  constructor(private readonly em: EntityManager) {}

  /** Starts a session for a user who has just proved who they are; returns the cookie's token. */
  async start(userId: string): Promise<{ token: string; csrfToken: string }> {
    const em = this.em.fork();
    const user = await em.findOneOrFail(User, { id: userId }, { fields: ['id', 'tokenVersion'] });
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    em.create(WebSession, {
      user: em.getReference(User, user.id),
      tokenHash: hashToken(token),
      csrfToken,
      tokenVersion: user.tokenVersion,
      expiresAt: new Date(now.getTime() + ABSOLUTE_SECONDS * 1000),
      lastSeenAt: now,
    });
    // Expired sessions of this user go when a new one starts; a nightly sweep is not needed for correctness.
    await em.nativeDelete(WebSession, { user: userId, expiresAt: { $lt: now } });
    await em.flush();
    return { token, csrfToken };
  }

  /** The live session behind a cookie token, or undefined (unknown, expired, idle too long, or revoked). */
  async resolve(token: string): Promise<ResolvedSession | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const em = this.em.fork();
    const session = await em.findOne(WebSession, { tokenHash: hashToken(token) }, { populate: ['user'] });
    if (!session) return undefined;
    const now = Date.now();
    const idle = now - session.lastSeenAt.getTime() > IDLE_SECONDS * 1000;
    if (idle || session.expiresAt.getTime() <= now || session.user.tokenVersion !== session.tokenVersion) {
      await em.nativeDelete(WebSession, { id: session.id });
      return undefined;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_SECONDS * 1000) {
      await em.nativeUpdate(WebSession, { id: session.id }, { lastSeenAt: new Date(now) });
    }
    const { user } = session;
    return {
      id: session.id,
      csrfToken: session.csrfToken,
      user: { id: user.id, email: user.email, role: user.role, locale: user.locale, name: user.name },
    };
  }

  /** Logging out: this session only. */
  async end(sessionId: string): Promise<void> {
    await this.em.fork().nativeDelete(WebSession, { id: sessionId });
  }

  /** Every session of these users (a removal from an association, a suspension). */
  async endAllFor(em: EntityManager, userIds: string[]): Promise<void> {
    if (userIds.length) await em.nativeDelete(WebSession, { user: { $in: userIds } });
  }
}
