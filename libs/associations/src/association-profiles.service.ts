import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, type AuthUser } from '@mangfold/auth';
import { parseUuid } from '@mangfold/common';
import { AssociationAccess } from './association-access.service';
import { Association } from './association.entity';
import { Membership } from './membership.entity';

/** A member as the association's own people see them: never shown to anyone else. */
export interface AssociationMemberView {
  userId: string;
  email: string;
  name: string | null;
  memberSince: Date;
}

export interface AssociationProfile {
  /** With its district and housing area loaded. */
  association: Association;
  members: AssociationMemberView[];
}

/**
 * An association as its editors see it (its members and admins): every detail, including the
 * private ones, and who its members are. Everyone else gets null, as if it did not exist.
 */
@Injectable()
export class AssociationProfiles {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
  ) {}

  /** Whether the user may edit the association (an admin, or one of its members). */
  async canEdit(user: AuthUser, id: string): Promise<boolean> {
    if (!parseUuid(id)) return false;
    if (user.role === Role.ADMIN) return (await this.em.count(Association, { id })) > 0;
    return this.access.isMember(user.id, id);
  }

  /** The association and its members, oldest membership first; null unless the user may edit it. */
  async forEditor(user: AuthUser, id: string): Promise<AssociationProfile | null> {
    if (!(await this.canEdit(user, id))) return null;
    const em = this.em.fork();
    const [association, memberships] = await Promise.all([
      em.findOne(Association, { id }, { populate: ['district', 'housingArea'] }),
      em.find(Membership, { association: id }, { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } }),
    ]);
    if (!association) return null;
    return {
      association,
      members: memberships.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, memberSince: m.createdAt })),
    };
  }
}
