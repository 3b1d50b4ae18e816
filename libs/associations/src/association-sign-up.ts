import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  RateLimiter,
  Role,
  TokenService,
  User,
  AUTH_RATE_LIMITS,
  hashPassword,
  normalizeEmail,
  passwordProblem,
  type AuthUser,
} from '@mangfold/auth';
import { audit, freeSlug, slugify, toLocalizedText } from '@mangfold/db';
import { BadUserInputError, type FieldErrors } from '@mangfold/graphql';
import { JobName, enqueue } from '@mangfold/jobs';
import { Association, AssociationStatus } from './association.entity';
import type { SignUpAssociationInput } from './inputs/sign-up-association.input';
import { Membership } from './membership.entity';
import { resolvePlace, type Place } from './association-place';
import { isUniqueViolationOf } from './unique-violation';

export interface SignUpResult {
  association: Association;
  user: User;
  accessToken: string | null;
  expiresAt: Date | null;
  /**
   * The address already had an account: nothing was written, `association`, `user` and the
   * membership are unsaved stand-ins answered as a new sign-up would be, and the account holder is mailed.
   */
  standIn: Membership | null;
}

/** Signing up an association with its first member (AssociationsService.signUp). */
@Injectable()
export class AssociationSignUp {
  constructor(
    private readonly em: EntityManager,
    private readonly limiter: RateLimiter,
    private readonly tokens: TokenService,
  ) {}

  /**
   * Creates an association (PENDING) and its first member in one transaction. An anonymous caller
   * creates a new account with email and password; a logged-in member may leave both out to become
   * the first member itself. Every problem is reported at once, and nothing is written unless all is well.
   */
  async signUp(input: SignUpAssociationInput, caller: AuthUser | undefined, ip: string | undefined): Promise<SignUpResult> {
    const fields: FieldErrors = {};
    const email = input.email ? normalizeEmail(input.email) : null;
    // A member who gives their own address means themselves: that address holds no secret from them.
    const ownAddress = !!caller && email !== null && email === normalizeEmail(caller.email);
    const joinAsCaller = !!caller && caller.role !== Role.ADMIN && ((!email && !input.password) || ownAddress);
    if (!joinAsCaller) {
      if (!email) fields.email = caller ? 'is required: the email of the first member' : 'is required';
      if (!input.password) fields.password = 'is required';
      else {
        const problem = passwordProblem(input.password, email ?? undefined);
        if (problem) fields.password = problem;
      }
    }
    if (Object.keys(fields).length > 0) throw new BadUserInputError(fields);

    await this.limiter.consume(
      [
        [AUTH_RATE_LIMITS.signUpPerIp, ip],
        [AUTH_RATE_LIMITS.signUpPerEmail, email ?? caller?.email],
      ],
      (s) => `Too many sign-ups; try again in ${s} seconds`,
    );

    const place = await resolvePlace(this.em, input, null, fields);
    if (input.slug && (await this.em.count(Association, { slug: input.slug })) > 0) fields.slug = 'is already taken';
    if (Object.keys(fields).length > 0) throw new BadUserInputError(fields);

    // Hashed whether or not the address has an account, so both answers take as long.
    const passwordHash = joinAsCaller ? null : await hashPassword(input.password!);
    const holder = email && !joinAsCaller ? await this.em.findOne(User, { email }, { fields: ['id'] }) : null;
    if (holder) return this.answerAsNew(holder.id, email!, input, caller, place);
    // A generated slug may lose a race with a concurrent sign-up; then try the next free one.
    for (let attempt = 0; ; attempt++) {
      const slug = input.slug ?? (await this.freeSlug(input.name));
      try {
        return await this.em.transactional(async (em) => {
          const user = joinAsCaller
            ? await em.findOneOrFail(User, { id: caller.id })
            : em.create(User, {
                email: email!,
                passwordHash: passwordHash!,
                role: Role.ASSOCIATION_MEMBER,
                name: input.memberName ?? null,
                locale: input.locale ?? 'da',
              });
          const association = em.create(Association, newAssociation(input, slug, place));
          em.create(Membership, { user, association });
          audit(em, {
            actorId: caller?.id ?? user.id,
            action: 'association.signed-up',
            entityType: 'Association',
            entityId: association.id,
            changes: { slug, name: input.name, kind: input.kind, firstMember: user.id },
          });
          // TFI hears that it waits for approval; the signer is told nothing of it.
          enqueue(em, JobName.Notify, { kind: 'association-signed-up', associationId: association.id });
          await em.flush();
          const issued = caller ? null : this.tokens.issue(user);
          return { association, user, accessToken: issued?.accessToken ?? null, expiresAt: issued?.expiresAt ?? null, standIn: null };
        });
      } catch (error) {
        // A concurrent sign-up took the address first: now it has an account, answered as above.
        if (isUniqueViolationOf(error, 'app_user_email_unique')) {
          const taken = await this.em.fork().findOneOrFail(User, { email: email! }, { fields: ['id'] });
          return this.answerAsNew(taken.id, email!, input, caller, place);
        }
        if (isUniqueViolationOf(error, 'association_slug_unique')) {
          if (input.slug) throw BadUserInputError.field('slug', 'is already taken');
          if (attempt < 5) continue;
        }
        throw error;
      }
    }
  }

  /**
   * A sign-up with the address of an existing account answers exactly as a new sign-up would, so the
   * answer tells nobody which addresses have accounts (as login and password reset tell nothing).
   * Nothing is created for the account (the caller has not proven they hold it): its holder is
   * mailed how to sign up a further association while logged in, or to reset the password. The
   * answer's association, user and token are stand-ins; the token belongs to no account.
   */
  private async answerAsNew(
    holderId: string,
    email: string,
    input: SignUpAssociationInput,
    caller: AuthUser | undefined,
    place: Place,
  ): Promise<SignUpResult> {
    const slug = input.slug ?? (await this.freeSlug(input.name));
    await this.em.transactional(async (em) => {
      // A double click within a minute sends one mail, as for a password reset.
      enqueue(
        em,
        JobName.Notify,
        { kind: 'sign-up-existing-account', userId: holderId, associationName: input.name },
        { dedupe: { id: `sign-up-existing-account-${holderId}`, windowMs: 60_000 } },
      );
      await em.flush();
    });
    // Built in a context that is never flushed: no stand-in can be saved by accident.
    const scratch = this.em.fork();
    const user = scratch.create(
      User,
      {
        email,
        passwordHash: '',
        role: Role.ASSOCIATION_MEMBER,
        name: input.memberName ?? null,
        locale: input.locale ?? 'da',
      },
      { persist: false },
    );
    const association = scratch.create(Association, newAssociation(input, slug, place), { persist: false });
    const standIn = scratch.create(Membership, { user, association }, { persist: false });
    const issued = caller ? null : this.tokens.issue(user);
    return { association, user, accessToken: issued?.accessToken ?? null, expiresAt: issued?.expiresAt ?? null, standIn };
  }

  /** The first free slug for a name: "valby-kulturbro", then "valby-kulturbro-2", … */
  private freeSlug(name: string): Promise<string> {
    return freeSlug(this.em, Association, slugify(name, 72) || 'forening');
  }
}

function newAssociation(input: SignUpAssociationInput, slug: string, place: Place) {
  return {
    slug,
    name: input.name,
    kind: input.kind,
    description: toLocalizedText(input.description),
    district: place.district ?? null,
    housingArea: place.housingArea ?? null,
    website: input.website ?? null,
    contactEmail: input.contactEmail ?? null,
    contactPhone: input.contactPhone ?? null,
    showContact: input.showContact ?? false,
    cvr: input.cvr ?? null,
    status: AssociationStatus.PENDING,
  };
}
