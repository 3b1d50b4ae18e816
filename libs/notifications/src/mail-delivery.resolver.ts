import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { CurrentUser, Role, Roles, User, type AuthUser } from '@mangfold/auth';
import { parseUuid } from '@mangfold/common';
import { BadUserInputError, decodeCursor, toConnection, wantsTotalCount, type Connection } from '@mangfold/graphql';
import { MailDelivery } from './mail-delivery.entity';
import { MailDeliveriesArgs, MailDeliveryConnection, MailDeliveryModel, QueueDashboardLinkModel } from './models/mail-delivery.model';
import { QueueDashboard } from './queue-dashboard';

function toModel(d: MailDelivery): MailDeliveryModel {
  return {
    id: d.id,
    kind: d.kind,
    status: d.status,
    recipient: d.recipient,
    locale: d.locale,
    subject: d.subject,
    registrationId: d.registration?.id ?? null,
    eventId: d.event?.id ?? null,
    offsetMinutes: d.offsetMinutes,
    attempts: d.attempts,
    lastError: d.lastError,
    response: d.response,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    sentAt: d.sentAt,
    failedAt: d.failedAt,
  };
}

@Resolver(() => MailDeliveryModel)
@Roles(Role.ADMIN)
export class MailDeliveryResolver {
  constructor(
    private readonly em: EntityManager,
    private readonly dashboard: QueueDashboard,
  ) {}

  @Query(() => MailDeliveryConnection, {
    description: "Mails sent or tried, newest first: a registration's mails, or every failure (admins only)",
  })
  async mailDeliveries(
    @Args() { filter, first, after }: MailDeliveriesArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<MailDeliveryModel>> {
    const where: FilterQuery<MailDelivery> & Record<string, unknown> = {};
    if (filter?.registrationId) where.registration = filter.registrationId;
    if (filter?.eventId) where.event = filter.eventId;
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.kind) where.kind = filter.kind;
    const conditions: FilterQuery<MailDelivery>[] = [where];
    if (after) {
      const [at, id] = decodeCursor(after, ['instant', 'id']);
      conditions.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] });
    }
    const [rows, total] = await Promise.all([
      this.em.find(MailDelivery, { $and: conditions }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: first + 1 }),
      wantsTotalCount(info) ? this.em.count(MailDelivery, where) : undefined,
    ]);
    return toConnection(rows.map(toModel), first, (d) => [d.createdAt.toISOString(), d.id], !!after, total);
  }

  @Query(() => MailDeliveryModel, { nullable: true, description: 'One mail delivery by id (admins only)' })
  async mailDelivery(@Args('id', { type: () => ID }) id: string): Promise<MailDeliveryModel | null> {
    const uuid = parseUuid(id);
    if (!uuid) throw BadUserInputError.field('id', 'must be a mail delivery id');
    const delivery = await this.em.findOne(MailDelivery, { id: uuid });
    return delivery ? toModel(delivery) : null;
  }

  @Mutation(() => QueueDashboardLinkModel, {
    description: 'A one-time link (valid 5 minutes) that opens the queue dashboard at /admin/queues in a browser (admins only)',
  })
  async openQueueDashboard(@CurrentUser() caller: AuthUser): Promise<QueueDashboardLinkModel> {
    const user = await this.em.findOneOrFail(User, { id: caller.id }, { fields: ['id', 'tokenVersion'] });
    return this.dashboard.link(user);
  }
}
