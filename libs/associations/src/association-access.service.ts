import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, type AuthUser } from '@mangfold/auth';
import { ForbiddenError } from '@mangfold/graphql';
import { Association, AssociationStatus } from './association.entity';
import { Membership } from './membership.entity';

/**
 * Ownership rules in one place: who may act for an association. Admins may act for any;
 * members only for the associations they belong to.
 */
@Injectable()
export class AssociationAccess {
  constructor(private readonly em: EntityManager) {}

  /** Ids of the associations the user is a member of. */
  async memberAssociationIds(userId: string): Promise<string[]> {
    const rows = await this.em.find(Membership, { user: userId }, { fields: ['association'] });
    return rows.map((m) => m.association.id);
  }

  async isMember(userId: string, associationId: string): Promise<boolean> {
    return (await this.em.count(Membership, { user: userId, association: associationId })) > 0;
  }

  /** Throws FORBIDDEN unless the user is an admin or a member of the association. */
  async assertCanActFor(user: AuthUser, associationId: string): Promise<void> {
    if (user.role === Role.ADMIN) return;
    if (!(await this.isMember(user.id, associationId))) throw new ForbiddenError('You are not a member of this association');
  }

  /** Pending, rejected and suspended associations cannot publish anything. */
  assertApproved(association: Association): void {
    if (association.status !== AssociationStatus.APPROVED) {
      throw new ForbiddenError(
        `The association "${association.name}" is ${association.status.toLowerCase()} and cannot publish events until TFI approves it`,
      );
    }
  }
}
