import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '@mangfold/db';
import { BadUserInputError, UnauthenticatedError } from '@mangfold/graphql';
import { JobName, enqueue } from '@mangfold/jobs';
import { assertAcceptablePassword, isEmail, normalizeEmail } from './credentials';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password-hasher';
import { hashResetToken } from './password-reset';
import { PasswordResetToken } from './password-reset-token.entity';
import { AUTH_RATE_LIMITS } from './rate-limits';
import { RateLimiter } from './rate-limiter';
import { TokenService } from './token.service';
import { User } from './user.entity';

export interface AuthResult {
  accessToken: string;
  expiresAt: Date;
  user: User;
}

/** The same words for an unknown email and a wrong password, so the answer tells nothing. */
const WRONG_CREDENTIALS = 'Wrong email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Checks the password in constant time whether or not the email is known (a dummy hash stands in
   * for a missing user). Failed attempts count against the email and the client IP; a successful
   * login takes its attempt back.
   */
  /** The account of a logged-in user; null when it is gone. */
  findUser(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  async login(email: string, password: string, ip: string | undefined): Promise<AuthResult> {
    const normalized = normalizeEmail(email);
    const ticket = await this.limiter.consume(
      [
        [AUTH_RATE_LIMITS.loginPerIp, ip],
        [AUTH_RATE_LIMITS.loginPerEmail, normalized],
      ],
      (s) => `Too many failed logins; try again in ${s} seconds`,
    );
    const user = isEmail(normalized) ? await this.em.findOne(User, { email: normalized }, { populate: ['passwordHash'] }) : null;
    const hash = user?.passwordHash ?? (await dummyPasswordHash());
    const valid = await verifyPassword(password, hash);
    if (!user || !valid) throw new UnauthenticatedError(WRONG_CREDENTIALS);

    await this.limiter.release(ticket);
    user.lastLoginAt = new Date();
    // Hashes made with older scrypt parameters are upgraded while the plain password is at hand.
    if (needsRehash(hash)) user.passwordHash = await hashPassword(password);
    await this.em.flush();
    return { ...this.tokens.issue(user), user };
  }

  /** Changes the caller's password; every other session (older token) stops working. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<AuthResult> {
    const user = await this.em.findOneOrFail(User, { id: userId }, { populate: ['passwordHash'] });
    assertAcceptablePassword('newPassword', newPassword, user.email);
    if (newPassword === currentPassword) throw BadUserInputError.field('newPassword', 'must differ from the current password');

    const ticket = await this.limiter.consume([[AUTH_RATE_LIMITS.changePasswordPerUser, userId]]);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw BadUserInputError.field('currentPassword', 'is not your current password');
    }
    await this.limiter.release(ticket);

    user.passwordHash = await hashPassword(newPassword);
    user.tokenVersion += 1;
    audit(this.em, { actorId: user.id, action: 'user.password-changed', entityType: 'User', entityId: user.id });
    await this.em.flush();
    return { ...this.tokens.issue(user), user };
  }

  /**
   * Mails a reset link when the email has an account. The answer is the same either way, so the
   * operation cannot tell anyone which emails have accounts. The notifications job creates the
   * token when it sends the mail, so no secret waits in the outbox.
   */
  async requestPasswordReset(email: string, ip: string | undefined): Promise<void> {
    const normalized = normalizeEmail(email);
    if (!isEmail(normalized)) throw BadUserInputError.field('email', 'must be an email address');
    await this.limiter.consume(
      [
        [AUTH_RATE_LIMITS.passwordResetRequestPerIp, ip],
        [AUTH_RATE_LIMITS.passwordResetRequestPerEmail, normalized],
      ],
      (s) => `Too many password reset requests; try again in ${s} seconds`,
    );
    const user = await this.em.findOne(User, { email: normalized }, { fields: ['id'] });
    if (!user) return;
    // A double click within a minute sends one mail.
    enqueue(
      this.em,
      JobName.Notify,
      { kind: 'password-reset', userId: user.id },
      { dedupe: { id: `password-reset-${user.id}`, windowMs: 60_000 } },
    );
    audit(this.em, { actorId: null, action: 'user.password-reset-requested', entityType: 'User', entityId: user.id });
    await this.em.flush();
  }

  /**
   * Sets a new password with an emailed token. The token works once and until it expires; using it
   * also voids the user's other outstanding tokens and ends every existing session.
   */
  async resetPassword(token: string, newPassword: string, ip: string | undefined): Promise<AuthResult> {
    assertAcceptablePassword('newPassword', newPassword);
    const invalid = () => BadUserInputError.field('token', 'is invalid, already used or expired; request a new reset link');
    const ticket = await this.limiter.consume([[AUTH_RATE_LIMITS.passwordResetPerIp, ip]]);

    const tokenHash = hashResetToken(token.trim());
    const found = await this.em.findOne(PasswordResetToken, { tokenHash, usedAt: null, expiresAt: { $gt: new Date() } });
    if (!found) throw invalid();
    const user = await this.em.findOneOrFail(User, { id: found.user.id });
    assertAcceptablePassword('newPassword', newPassword, user.email);
    const passwordHash = await hashPassword(newPassword);

    await this.em.transactional(async (em) => {
      const now = new Date();
      // Claiming the token with a conditional update makes it single-use even under concurrent requests.
      const claimed = await em.nativeUpdate(PasswordResetToken, { id: found.id, usedAt: null }, { usedAt: now });
      if (claimed !== 1) throw invalid();
      await em.nativeUpdate(PasswordResetToken, { user: user.id, usedAt: null }, { usedAt: now });
      const fresh = await em.findOneOrFail(User, { id: user.id });
      fresh.passwordHash = passwordHash;
      fresh.tokenVersion += 1;
      fresh.lastLoginAt = now;
      audit(em, { actorId: user.id, action: 'user.password-reset', entityType: 'User', entityId: user.id });
    });
    await this.limiter.release(ticket);
    await this.em.refresh(user);
    return { ...this.tokens.issue(user), user };
  }
}
