import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { parseUuid } from '@mangfold/common';
import { BadUserInputError, decodeCursor } from '@mangfold/graphql';
import { MailDelivery } from './mail-delivery.entity';
import type { MailDeliveryFilter } from './models/mail-delivery.model';

/** Reads the record of mails sent or tried, for the admins' fields. */
@Injectable()
export class MailDeliveries {
  constructor(private readonly em: EntityManager) {}

  /** A page of deliveries, newest first, after the cursor; one more than `first`, so the caller knows a next page exists. */
  async page(filter: MailDeliveryFilter | null | undefined, first: number, after: string | null | undefined): Promise<MailDelivery[]> {
    const conditions: FilterQuery<MailDelivery>[] = [this.where(filter)];
    if (after) {
      const [at, id] = decodeCursor(after, ['instant', 'id']);
      conditions.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] });
    }
    return this.em.find(MailDelivery, { $and: conditions }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: first + 1 });
  }

  count(filter: MailDeliveryFilter | null | undefined): Promise<number> {
    return this.em.count(MailDelivery, this.where(filter));
  }

  async byId(id: string): Promise<MailDelivery | null> {
    const uuid = parseUuid(id);
    if (!uuid) throw BadUserInputError.field('id', 'must be a mail delivery id');
    return this.em.findOne(MailDelivery, { id: uuid });
  }

  private where(filter: MailDeliveryFilter | null | undefined): FilterQuery<MailDelivery> {
    const where: FilterQuery<MailDelivery> & Record<string, unknown> = {};
    if (filter?.registrationId) where.registration = filter.registrationId;
    if (filter?.eventId) where.event = filter.eventId;
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.kind) where.kind = filter.kind;
    return where;
  }
}
