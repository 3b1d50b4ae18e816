import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role, Roles } from '@mangfold/auth';
import { toConnection, wantsTotalCount, type Connection } from '@mangfold/graphql';
import type { MailDelivery } from './mail-delivery.entity';
import { MailDeliveries } from './mail-deliveries.service';
import { MailDeliveriesArgs, MailDeliveryConnection, MailDeliveryModel } from './models/mail-delivery.model';

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
  constructor(private readonly deliveries: MailDeliveries) {}

  @Query(() => MailDeliveryConnection, {
    description: "Mails sent or tried, newest first: a registration's mails, or every failure (admins only)",
  })
  async mailDeliveries(
    @Args() { filter, first, after }: MailDeliveriesArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<MailDeliveryModel>> {
    const [rows, total] = await Promise.all([
      this.deliveries.page(filter, first, after),
      wantsTotalCount(info) ? this.deliveries.count(filter) : undefined,
    ]);
    return toConnection(rows.map(toModel), first, (d) => [d.createdAt.toISOString(), d.id], !!after, total);
  }

  @Query(() => MailDeliveryModel, { nullable: true, description: 'One mail delivery by id (admins only)' })
  async mailDelivery(@Args('id', { type: () => ID }) id: string): Promise<MailDeliveryModel | null> {
    const delivery = await this.deliveries.byId(id);
    return delivery ? toModel(delivery) : null;
  }
}
