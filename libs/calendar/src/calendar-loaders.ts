import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@mangfold/auth';
import { Association, Membership, type AssociationRecord } from '@mangfold/associations';
import { plainRecords } from '@mangfold/db';
import { byIdLoader, type LoaderFactory } from '@mangfold/graphql';
import { EventOrganiser, OrganiserStatus } from './event-organiser.entity';
import { Event } from './event.entity';
import { OccasionDate } from './occasion-date.entity';

/** An association organising an event, or invited to. */
export interface OrganiserRecord {
  eventId: string;
  status: OrganiserStatus;
  association: AssociationRecord;
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/**
 * The calendar's DataLoader factories. Field resolvers ask `loaders.get(factory)`, so all the
 * events of one response share one query per relation, however many there are.
 */
@Injectable()
export class CalendarLoaders {
  constructor(private readonly em: EntityManager) {}

  /**
   * Organisers (invited and accepted) of each event, primary first, then by acceptance: plain
   * records in one joined query, as every event of a listed page asks for them.
   */
  readonly organisersByEvent: LoaderFactory<string, OrganiserRecord[]> = () =>
    new DataLoader<string, OrganiserRecord[]>(async (eventIds) => {
      const rows = await this.em
        .createQueryBuilder(EventOrganiser, 'o')
        // The id tells MikroORM's mapping of joined rows one organiser from the next.
        .select(['o.id', 'o.event', 'o.status'])
        .joinAndSelect('o.association', 'a')
        .where({ event: { $in: [...eventIds] }, status: { $ne: OrganiserStatus.DECLINED } })
        .orderBy({ role: 'asc', respondedAt: 'asc', createdAt: 'asc', id: 'asc' })
        .execute<{ event: string; status: OrganiserStatus; association: Record<string, unknown> }[]>('all');
      const associations = plainRecords<AssociationRecord>(
        this.em.getMetadata().get(Association.name),
        rows.map((r) => r.association),
      );
      const organisers = rows.map((r, i) => ({ eventId: r.event, status: r.status, association: associations[i] }));
      return groupBy(eventIds, organisers, (o) => o.eventId);
    });

  readonly eventById: LoaderFactory<string, Event> = () => byIdLoader(this.em, Event);

  /** Every year's dates of each occasion, in year order. */
  readonly datesByOccasion: LoaderFactory<string, OccasionDate[]> = () =>
    new DataLoader<string, OccasionDate[]>(async (occasionIds) => {
      const rows = await this.em.find(OccasionDate, { occasion: { $in: [...occasionIds] } }, { orderBy: { year: 'asc' } });
      return groupBy(occasionIds, rows, (d) => d.occasion.id);
    });

  /** The associations each user is a member of (to show organisers what only they may see). */
  readonly associationIdsByUser: LoaderFactory<string, string[]> = () =>
    new DataLoader<string, string[]>(async (userIds) => {
      const rows = await this.em.find(Membership, { user: { $in: [...userIds] } }, { fields: ['user', 'association'] });
      return groupBy(userIds, rows, (m) => m.user.id).map((ms) => ms.map((m) => m.association.id));
    });

  /** Users' emails for the audit trail (admins only). */
  readonly userEmailById: LoaderFactory<string, string | null> = () =>
    new DataLoader<string, string | null>(async (ids) => {
      const rows = await this.em.find(User, { id: { $in: [...ids] } }, { fields: ['id', 'email'] });
      const byId = new Map(rows.map((u) => [u.id, u.email]));
      return ids.map((id) => byId.get(id) ?? null);
    });
}
