import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LockMode, UniqueConstraintViolationException, raw, sql, type FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  RateLimiter,
  Role,
  TokenService,
  User,
  WebSessionsService,
  AUTH_RATE_LIMITS,
  hashPassword,
  isEmail,
  normalizeEmail,
  passwordProblem,
  type AuthUser,
  type RateLimitRule,
} from '@mangfold/auth';
import { escapeLike, parseUuid } from '@mangfold/common';
import { audit, freeSlug, slugify, toLocalizedText, type LocalizedText } from '@mangfold/db';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  decodeCursor,
  toConnection,
  type Connection,
  type FieldErrors,
  type LocalizedTextFields,
} from '@mangfold/graphql';
import { JobName, enqueue } from '@mangfold/jobs';
import { AssociationAccess } from './association-access.service';
import { Association, AssociationLocation, AssociationStatus } from './association.entity';
import { District } from './district.entity';
import { HousingArea } from './housing-area.entity';
import { AssociationOrder, type AssociationFilter } from './inputs/association-filter.input';
import type { AssociationDetailsInput } from './inputs/association-fields';
import type { SignUpAssociationInput } from './inputs/sign-up-association.input';
import type { UpdateAssociationInput } from './inputs/update-association.input';
import { Membership } from './membership.entity';
import { unknownSlugs } from './reference-slugs';

const ASSOCIATION_RATE_LIMITS = {
  /** Each added member gets a mail: cap what one account can send to addresses it types in. */
  addMemberPerUser: { name: 'add-member-user', limit: 30, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitRule>;

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

/** Which status an admin may move an association to, from which. */
const TRANSITIONS: Record<AssociationStatus, AssociationStatus[]> = {
  [AssociationStatus.PENDING]: [],
  [AssociationStatus.APPROVED]: [AssociationStatus.PENDING, AssociationStatus.REJECTED, AssociationStatus.SUSPENDED],
  [AssociationStatus.REJECTED]: [AssociationStatus.PENDING],
  [AssociationStatus.SUSPENDED]: [AssociationStatus.APPROVED],
};

const MAX_PAGE = 100;
const DEFAULT_PAGE = 20;
const REASON_MAX_LENGTH = 2000;

/** Where an association is, as the input named it. */
type Place = { district?: District | null; housingArea?: HousingArea | null };

function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  return error instanceof UniqueConstraintViolationException && error.message.includes(constraint);
}

@Injectable()
export class AssociationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
    private readonly limiter: RateLimiter,
    private readonly tokens: TokenService,
    private readonly sessions: WebSessionsService,
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

    const place = await this.resolvePlace(input, null, fields);
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

  /** Admin decisions on an association's status; each records who and when, and tells the members. */
  approve(id: string, admin: AuthUser): Promise<Association> {
    return this.changeStatus(id, AssociationStatus.APPROVED, admin, null);
  }

  reject(id: string, reason: string, admin: AuthUser): Promise<Association> {
    return this.changeStatus(id, AssociationStatus.REJECTED, admin, checkedReason(reason));
  }

  suspend(id: string, reason: string, admin: AuthUser): Promise<Association> {
    return this.changeStatus(id, AssociationStatus.SUSPENDED, admin, checkedReason(reason));
  }

  private async changeStatus(id: string, to: AssociationStatus, admin: AuthUser, reason: string | null): Promise<Association> {
    if (admin.role !== Role.ADMIN) throw new ForbiddenError();
    this.assertId(id);
    return this.em.transactional(async (em) => {
      const found = await em.findOne(Association, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found) throw new NotFoundError('The association');
      const from = found.status;
      if (!TRANSITIONS[to].includes(from)) throw new ConflictError(transitionRefusal(found, to));
      found.status = to;
      found.statusReason = reason;
      found.statusChangedAt = new Date();
      found.statusChangedBy = em.getReference(User, admin.id);
      audit(em, {
        actorId: admin.id,
        action: `association.${to.toLowerCase()}`,
        entityType: 'Association',
        entityId: id,
        changes: { status: { from, to }, ...(reason ? { reason } : {}) },
      });
      if (to === AssociationStatus.SUSPENDED) {
        // A suspension takes effect at once: its members' portal sessions end with it.
        const members = await em.find(Membership, { association: id }, { fields: ['user'] });
        await this.sessions.endAllFor(
          em,
          members.map((m) => m.user.id),
        );
      }
      if (to === AssociationStatus.APPROVED) enqueue(em, JobName.Notify, { kind: 'association-approved', associationId: id });
      if (to === AssociationStatus.REJECTED)
        enqueue(em, JobName.Notify, { kind: 'association-rejected', associationId: id, reason: reason! });
      // Events of an association that is suspended or reinstated may leave or re-enter the feeds.
      if (from === AssociationStatus.APPROVED || from === AssociationStatus.SUSPENDED) {
        enqueue(em, JobName.AssociationChanged, { associationId: id });
      }
      return found;
    });
  }

  /** A member of the association, or an admin, changes its details; only given fields change. */
  async update(id: string, input: UpdateAssociationInput, user: AuthUser): Promise<Association> {
    this.assertId(id);
    const exists = await this.em.count(Association, { id });
    if (!exists) throw new NotFoundError('The association');
    await this.access.assertCanActFor(user, id);

    return this.em.transactional(async (em) => {
      const found = await em.findOneOrFail(Association, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await em.populate(found, ['district', 'housingArea']);
      const fields: FieldErrors = {};
      const place = await this.resolvePlace(input, found, fields, em);
      if (input.slug === null) fields.slug = 'cannot be cleared; give a new slug or leave it out';
      const hasLatitude = input.location?.latitude !== undefined && input.location?.latitude !== null;
      const hasLongitude = input.location?.longitude !== undefined && input.location?.longitude !== null;
      if (hasLatitude && !hasLongitude) fields['location.longitude'] = 'is required with a latitude';
      if (hasLongitude && !hasLatitude) fields['location.latitude'] = 'is required with a longitude';
      if (input.slug && input.slug !== found.slug && (await em.count(Association, { slug: input.slug, id: { $ne: id } })) > 0) {
        fields.slug = 'is already taken';
      }
      if (Object.keys(fields).length > 0) throw new BadUserInputError(fields);

      const before = snapshot(found);
      if (input.name !== undefined) found.name = input.name;
      if (input.kind !== undefined) found.kind = input.kind;
      if (input.slug) found.slug = input.slug;
      if (input.description !== undefined) found.description = { ...found.description, ...localizedPatch(input.description) };
      if (place.district !== undefined) found.district = place.district;
      if (place.housingArea !== undefined) found.housingArea = place.housingArea;
      if (input.website !== undefined) found.website = input.website ?? null;
      if (input.contactEmail !== undefined) found.contactEmail = input.contactEmail ?? null;
      if (input.contactPhone !== undefined) found.contactPhone = input.contactPhone ?? null;
      if (input.showContact !== undefined) found.showContact = input.showContact ?? false;
      if (input.cvr !== undefined) found.cvr = input.cvr ?? null;
      if (input.location !== undefined) {
        const { address = null, postalCode = null, city = null, latitude = null, longitude = null } = input.location ?? {};
        found.location = Object.assign(new AssociationLocation(), { address, postalCode, city, latitude, longitude });
      }

      const after = snapshot(found);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(after)) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
      }
      if (Object.keys(changes).length === 0) return found;
      audit(em, { actorId: user.id, action: 'association.updated', entityType: 'Association', entityId: id, changes });
      // Feeds show the organiser's name and link its feed by slug.
      if (changes.name || changes.slug) enqueue(em, JobName.AssociationChanged, { associationId: id });
      return found;
    });
  }

  /**
   * Adds a member by email. Someone without an account gets one with no usable password: the
   * member-added mail tells them, and "forgot password" sets one.
   */
  async addMember(associationId: string, rawEmail: string, actor: AuthUser): Promise<User> {
    this.assertId(associationId);
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
    this.assertId(associationId);
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

  /**
   * One association by id or slug. Approved ones are public; any other status only its members and
   * admins see, everyone else gets null, as if it did not exist.
   */
  async findOne(args: { id?: string | null; slug?: string | null }, viewer: AuthUser | undefined): Promise<Association | null> {
    if ((args.id ? 1 : 0) + (args.slug ? 1 : 0) !== 1) {
      throw new BadUserInputError({ [args.id ? 'slug' : 'id']: 'give either id or slug, not both or neither' });
    }
    if (args.id && !parseUuid(args.id)) return null;
    const association = await this.em.findOne(Association, args.id ? { id: args.id } : { slug: args.slug! });
    if (!association) return null;
    if (association.status === AssociationStatus.APPROVED) return association;
    if (viewer && (viewer.role === Role.ADMIN || (await this.access.isMember(viewer.id, association.id)))) return association;
    return null;
  }

  /** A page of associations; the public sees approved ones only, admins filter by status. */
  async list(
    filter: AssociationFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    order: AssociationOrder,
    viewer: AuthUser | undefined,
  ): Promise<Connection<Association>> {
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw BadUserInputError.field('first', `must be from 1 to ${MAX_PAGE}`);
    const isAdmin = viewer?.role === Role.ADMIN;
    if (!isAdmin && filter?.status && filter.status !== AssociationStatus.APPROVED) {
      throw new ForbiddenError('Only admins may list associations that are not approved');
    }

    const where: FilterQuery<Association>[] = [];
    const status = isAdmin ? filter?.status : AssociationStatus.APPROVED;
    if (status) where.push({ status });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.districtSlug) where.push({ district: { slug: filter.districtSlug } });
    if (filter?.housingAreaSlug) where.push({ housingArea: { slug: filter.housingAreaSlug } });
    if (filter?.search) where.push({ name: { $ilike: `%${escapeLike(filter.search)}%` } });
    const slugErrors = await unknownSlugs(this.em, [
      ...(filter?.districtSlug ? [{ field: 'districtSlug', subject: 'district' as const, slug: filter.districtSlug }] : []),
      ...(filter?.housingAreaSlug ? [{ field: 'housingAreaSlug', subject: 'housingArea' as const, slug: filter.housingAreaSlug }] : []),
    ]);
    if (Object.keys(slugErrors).length) throw new BadUserInputError(slugErrors);
    const totalCount = await this.em.count(Association, where.length ? { $and: where } : {});

    const byName = order === AssociationOrder.NAME;
    const direction = order === AssociationOrder.NEWEST_FIRST ? 'desc' : 'asc';
    const beyond = direction === 'asc' ? '$gt' : '$lt';
    // Alphabetical means case-insensitive, whatever the database collation; raw fragments are single-use, hence the function.
    const lowerName = (): string => sql.lower((alias) => `${alias}.name`);
    if (after) {
      if (byName) {
        const [value, id] = decodeCursor(after, ['text', 'id']);
        where.push({
          $or: [
            { [lowerName()]: { $gt: raw<Association, string>('lower(?)', [value]) } },
            { [lowerName()]: raw<Association, string>('lower(?)', [value]), id: { $gt: id } },
          ],
        });
      } else {
        const [at, id] = decodeCursor(after, ['instant', 'id']);
        where.push({ $or: [{ createdAt: { [beyond]: at } }, { createdAt: at, id: { [beyond]: id } }] });
      }
    }
    const rows = await this.em.find(Association, where.length ? { $and: where } : {}, {
      orderBy: byName ? [{ [lowerName()]: 'asc' }, { id: 'asc' }] : [{ createdAt: direction }, { id: direction }],
      limit: size + 1,
    });
    return toConnection(rows, size, (a) => [byName ? a.name : a.createdAt.toISOString(), a.id], !!after, totalCount);
  }

  private assertId(id: string): void {
    if (!parseUuid(id)) throw new NotFoundError('The association');
  }

  /** The first free slug for a name: "valby-kulturbro", then "valby-kulturbro-2", … */
  private freeSlug(name: string): Promise<string> {
    return freeSlug(this.em, Association, slugify(name, 72) || 'forening');
  }

  /**
   * The district and housing area the input asks for: undefined where it leaves them as they are.
   * A housing area implies its district; naming both requires them to match.
   */
  private async resolvePlace(
    input: AssociationDetailsInput,
    current: Association | null,
    fields: FieldErrors,
    em: EntityManager = this.em,
  ): Promise<{ district?: District | null; housingArea?: HousingArea | null }> {
    const result: { district?: District | null; housingArea?: HousingArea | null } = {};
    if (input.districtSlug !== undefined) {
      result.district = input.districtSlug ? await em.findOne(District, { slug: input.districtSlug }) : null;
      if (input.districtSlug && !result.district) fields.districtSlug = 'is not a district (see the districts query)';
    }
    if (input.housingAreaSlug !== undefined) {
      result.housingArea = input.housingAreaSlug
        ? await em.findOne(HousingArea, { slug: input.housingAreaSlug }, { populate: ['district'] })
        : null;
      if (input.housingAreaSlug && !result.housingArea) fields.housingAreaSlug = 'is not a housing area (see the housingAreas query)';
    }
    if (fields.districtSlug || fields.housingAreaSlug) return result;

    const area = result.housingArea !== undefined ? result.housingArea : (current?.housingArea ?? null);
    if (area) {
      const areaDistrictId = area.district.id;
      if (result.district === undefined && result.housingArea) {
        result.district = await em.findOneOrFail(District, { id: areaDistrictId });
      } else {
        const district = result.district !== undefined ? result.district : (current?.district ?? null);
        if (district && district.id !== areaDistrictId) {
          const areaDistrict = await em.findOneOrFail(District, { id: areaDistrictId });
          const field = result.housingArea !== undefined ? 'housingAreaSlug' : 'districtSlug';
          fields[field] =
            `${area.name.da ?? area.slug} is in ${areaDistrict.name.da ?? areaDistrict.slug}, not in ${district.name.da ?? district.slug}; change or clear the housing area`;
        } else if (!district && result.district === null) {
          fields.districtSlug = 'cannot be cleared while a housing area is set; clear housingAreaSlug too';
        }
      }
    }
    return result;
  }
}

function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw BadUserInputError.field('reason', 'is required: tell the association why');
  if (trimmed.length > REASON_MAX_LENGTH) throw BadUserInputError.field('reason', `must be at most ${REASON_MAX_LENGTH} characters`);
  return trimmed;
}

function transitionRefusal(association: Association, to: AssociationStatus): string {
  const now = association.status.toLowerCase();
  if (association.status === to) return `The association "${association.name}" is already ${now}`;
  if (to === AssociationStatus.REJECTED && association.status === AssociationStatus.APPROVED) {
    return `The association "${association.name}" is approved; suspend it instead of rejecting it`;
  }
  return `The association "${association.name}" is ${now} and cannot become ${to.toLowerCase()}`;
}

/** Given languages replace, null or blank languages are removed, missing ones stay. */
function localizedPatch(input: LocalizedTextFields | null): LocalizedText {
  if (input === null) return { da: undefined, en: undefined };
  const patch: LocalizedText = {};
  if (input.da !== undefined) patch.da = input.da ?? undefined;
  if (input.en !== undefined) patch.en = input.en ?? undefined;
  return patch;
}

function snapshot(a: Association): Record<string, unknown> {
  return {
    name: a.name,
    slug: a.slug,
    kind: a.kind,
    description: a.description,
    district: a.district?.id ?? null,
    housingArea: a.housingArea?.id ?? null,
    website: a.website,
    contactEmail: a.contactEmail,
    contactPhone: a.contactPhone,
    showContact: a.showContact,
    cvr: a.cvr,
    location: a.location,
  };
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
