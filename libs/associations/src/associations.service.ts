import { Injectable } from '@nestjs/common';
import { LockMode, raw, sql, type FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, User, WebSessionsService, type AuthUser } from '@mangfold/auth';
import { escapeLike, parseUuid } from '@mangfold/common';
import { audit, type LocalizedText } from '@mangfold/db';
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
import { AssociationMembers, assertAssociationId } from './association-members';
import { resolvePlace } from './association-place';
import { AssociationSignUp, type SignUpResult } from './association-sign-up';
import { Association, AssociationLocation, AssociationStatus } from './association.entity';
import { District } from './district.entity';
import { HousingArea } from './housing-area.entity';
import { AssociationOrder, type AssociationFilter } from './inputs/association-filter.input';
import type { SignUpAssociationInput } from './inputs/sign-up-association.input';
import type { UpdateAssociationInput } from './inputs/update-association.input';
import { Membership } from './membership.entity';
import { unknownSlugs } from './reference-slugs';

export type { SignUpResult } from './association-sign-up';

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

/**
 * Associations: sign-up (association-sign-up.ts), TFI's decisions on their status, their details,
 * their members (association-members.ts) and the public reads, districts and housing areas among them.
 */
@Injectable()
export class AssociationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
    private readonly sessions: WebSessionsService,
    private readonly signUps: AssociationSignUp,
    private readonly members: AssociationMembers,
  ) {}

  /**
   * Creates an association (PENDING) and its first member in one transaction. An anonymous caller
   * creates a new account with email and password; a logged-in member may leave both out to become
   * the first member itself. Every problem is reported at once, and nothing is written unless all is well.
   */
  signUp(input: SignUpAssociationInput, caller: AuthUser | undefined, ip: string | undefined): Promise<SignUpResult> {
    return this.signUps.signUp(input, caller, ip);
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
    assertAssociationId(id);
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
    assertAssociationId(id);
    const exists = await this.em.count(Association, { id });
    if (!exists) throw new NotFoundError('The association');
    await this.access.assertCanActFor(user, id);

    return this.em.transactional(async (em) => {
      const found = await em.findOneOrFail(Association, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await em.populate(found, ['district', 'housingArea']);
      const fields: FieldErrors = {};
      const place = await resolvePlace(em, input, found, fields);
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
  addMember(associationId: string, rawEmail: string, actor: AuthUser): Promise<User> {
    return this.members.addMember(associationId, rawEmail, actor);
  }

  /** A member leaves (or is removed by a fellow member or an admin); the last member stays. */
  removeMember(associationId: string, userId: string, actor: AuthUser): Promise<Association> {
    return this.members.removeMember(associationId, userId, actor);
  }

  /** Copenhagen's districts, in their usual order. */
  districts(): Promise<District[]> {
    return this.em.find(District, {}, { orderBy: { sortOrder: 'asc' } });
  }

  /** The housing areas the work plan focuses on, by slug. */
  housingAreas(): Promise<HousingArea[]> {
    return this.em.find(HousingArea, {}, { orderBy: { slug: 'asc' } });
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
