import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, User, type AuthUser } from '@mangfold/auth';
import { byIdLoader, type Loaders, type LoaderFactory } from '@mangfold/graphql';
import { Association } from './association.entity';
import { District } from './district.entity';
import { HousingArea } from './housing-area.entity';
import { Membership } from './membership.entity';

/** The per-request loaders of this lib; field resolvers only go through these. */
@Injectable()
export class AssociationLoaders {
  constructor(private readonly em: EntityManager) {}

  readonly associationById: LoaderFactory<string, Association> = () => byIdLoader(this.em, Association);
  readonly districtById: LoaderFactory<string, District> = () => byIdLoader(this.em, District);
  readonly housingAreaById: LoaderFactory<string, HousingArea> = () => byIdLoader(this.em, HousingArea);
  readonly userById: LoaderFactory<string, User> = () => byIdLoader(this.em, User);

  /** Keys are `userId|associationId`: whether that user is a member. */
  readonly isMember: LoaderFactory<string, boolean> = () =>
    new DataLoader<string, boolean>(async (keys) => {
      const pairs = keys.map((k) => k.split('|') as [string, string]);
      const rows = await this.em.find(
        Membership,
        { $or: pairs.map(([user, association]) => ({ user, association })) },
        { fields: ['user', 'association'] },
      );
      const found = new Set(rows.map((m) => `${m.user.id}|${m.association.id}`));
      return keys.map((k) => found.has(k));
    });

  /** Members of each association, oldest membership first. */
  readonly membershipsByAssociation: LoaderFactory<string, Membership[]> = () =>
    new DataLoader<string, Membership[]>(async (ids) => {
      const rows = await this.em.find(
        Membership,
        { association: { $in: [...ids] } },
        { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((m) => m.association.id === id));
    });

  readonly membershipsByUser: LoaderFactory<string, Membership[]> = () =>
    new DataLoader<string, Membership[]>(async (ids) => {
      const rows = await this.em.find(Membership, { user: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return ids.map((id) => rows.filter((m) => m.user.id === id));
    });

  /**
   * Lets this request's answer see an unsaved membership as saved (a sign-up answered for an address
   * that has an account), so it reads exactly as a new sign-up's answer.
   */
  primeStandIn(loaders: Loaders, membership: Membership): void {
    const { user, association } = membership;
    loaders.get(this.isMember).prime(`${user.id}|${association.id}`, true);
    loaders.get(this.membershipsByAssociation).prime(association.id, [membership]);
    loaders.get(this.membershipsByUser).prime(user.id, [membership]);
    loaders.get(this.associationById).prime(association.id, association);
  }

  /** Whether the caller may see an association's private details: admins and its members. */
  async canSeePrivate(loaders: Loaders, viewer: AuthUser | undefined, associationId: string): Promise<boolean> {
    if (!viewer) return false;
    if (viewer.role === Role.ADMIN) return true;
    return loaders.get(this.isMember).load(`${viewer.id}|${associationId}`);
  }
}
