import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  RateLimiter,
  Role,
  User,
  WebSessionsService,
  hashPassword,
  isEmail,
  normalizeEmail,
  type AuthUser,
  type RateLimitRule,
} from '@mangfold/auth';
import { parseUuid } from '@mangfold/common';
import { audit } from '@mangfold/db';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@mangfold/graphql';
import { JobName, enqueue } from '@mangfold/jobs';
import { AssociationAccess } from './association-access.service';
import { Association, AssociationStatus } from './association.entity';
import { Membership } from './membership.entity';
import { isUniqueViolationOf } from './unique-violation';

const ASSOCIATION_RATE_LIMITS = {
  /** Each added member gets a mail: cap what one account can send to addresses it types in. */
  addMemberPerUser: { name: 'add-member-user', limit: 30, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitRule>;

/** NOT_FOUND for an id that cannot be an association's. */
export function assertAssociationId(id: string): void {
  if (!parseUuid(id)) throw new NotFoundError('The association');
}

/** An association's members: adding and removing them (AssociationsService.addMember and removeMember). */
@Injectable()
export class AssociationMembers {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
    private readonly limiter: RateLimiter,
    private readonly sessions: WebSessionsService,
  ) {}

  /**
   * Adds a member by email. Someone without an account gets one with no usable password: the
   * member-added mail tells them, and "forgot password" sets one.
   */
  async addMember(associationId: string, rawEmail: string, actor: AuthUser): Promise<User> {
    assertAssociationId(associationId);
    const association = await this.em.findOne(Association, { id: associationId });
    if (!association) throw new NotFoundError('The association');
    await this.access.assertCanActFor(actor, associationId);
    // Each added member gets a mail; an association TFI turned away must not become a way to send them.
    if (
      actor.role !== Role.ADMIN &&
      (association.status === AssociationStatus.REJECTED || association.status === AssociationStatus.SUSPENDED)
    ) {
      throw new ForbiddenError(
        `The association "${association.name}" is ${association.status.toLowerCase()}; only TFI can add members to it`,
      );
    }
    const email = normalizeEmail(rawEmail);
    if (!isEmail(email)) throw BadUserInputError.field('email', 'must be an email address');
    await this.limiter.consume(
      [[ASSOCIATION_RATE_LIMITS.addMemberPerUser, actor.id]],
      (s) => `Too many members added; try again in ${s} seconds`,
    );

    const existing = await this.em.findOne(User, { email });
    if (existing && (await this.em.count(Membership, { user: existing, association })) > 0) {
      throw BadUserInputError.field('email', `is already a member of ${association.name}`);
    }
    const unusableHash = existing ? null : await hashPassword(randomBytes(32).toString('base64url'));
    try {
      return await this.em.transactional(async (em) => {
        const member = existing
          ? await em.findOneOrFail(User, { id: existing.id })
          : em.create(User, { email, passwordHash: unusableHash!, role: Role.ASSOCIATION_MEMBER, locale: 'da' });
        em.create(Membership, { user: member, association: em.getReference(Association, associationId) });
        audit(em, {
          actorId: actor.id,
          action: 'association.member-added',
          entityType: 'Association',
          entityId: associationId,
          changes: { userId: member.id, newAccount: !existing },
        });
        enqueue(em, JobName.Notify, { kind: 'member-added', associationId, userId: member.id });
        return member;
      });
    } catch (error) {
      if (isUniqueViolationOf(error, 'membership_user_id_association_id_unique') || isUniqueViolationOf(error, 'app_user_email_unique')) {
        throw BadUserInputError.field('email', `is already a member of ${association.name}`);
      }
      throw error;
    }
  }

  /** A member leaves (or is removed by a fellow member or an admin); the last member stays. */
  async removeMember(associationId: string, userId: string, actor: AuthUser): Promise<Association> {
    assertAssociationId(associationId);
    const exists = await this.em.count(Association, { id: associationId });
    if (!exists) throw new NotFoundError('The association');
    await this.access.assertCanActFor(actor, associationId);
    if (!parseUuid(userId)) throw BadUserInputError.field('userId', 'is not a member of this association');

    return this.em.transactional(async (em) => {
      const locked = await em.findOneOrFail(Association, { id: associationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const membership = await em.findOne(Membership, { association: associationId, user: userId });
      if (!membership) throw BadUserInputError.field('userId', 'is not a member of this association');
      if ((await em.count(Membership, { association: associationId })) <= 1) {
        throw new ConflictError('An association keeps at least one member; add another member first');
      }
      em.remove(membership);
      await this.sessions.endAllFor(em, [userId]);
      audit(em, {
        actorId: actor.id,
        action: 'association.member-removed',
        entityType: 'Association',
        entityId: associationId,
        changes: { userId },
      });
      return locked;
    });
  }
}
