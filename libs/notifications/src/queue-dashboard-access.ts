import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, TokenService, User } from '@mangfold/auth';
import type { DashboardViewer, QueueDashboardAccess } from '@mangfold/jobs';

/** The accounts' answer to the queue dashboard (@mangfold/jobs): who holds a token or a ticket, and are they an admin. */
@Injectable()
export class AdminDashboardAccess implements QueueDashboardAccess {
  constructor(
    private readonly tokens: TokenService,
    private readonly em: EntityManager,
  ) {}

  async bearer(token: string): Promise<DashboardViewer | undefined> {
    const user = await this.tokens.verify(token);
    return user && { id: user.id, admin: user.role === Role.ADMIN };
  }

  async viewer(userId: string, tokenVersion: number): Promise<DashboardViewer | undefined> {
    const user = await this.em.fork().findOne(User, { id: userId }, { fields: ['id', 'role', 'tokenVersion'] });
    if (!user || user.tokenVersion !== tokenVersion) return undefined;
    return { id: user.id, admin: user.role === Role.ADMIN };
  }

  /** The caller's current tokenVersion, which a dashboard link carries. */
  async tokenVersionOf(userId: string): Promise<{ id: string; tokenVersion: number }> {
    return this.em.findOneOrFail(User, { id: userId }, { fields: ['id', 'tokenVersion'] });
  }
}
