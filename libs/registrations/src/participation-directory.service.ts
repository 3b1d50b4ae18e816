import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '@mangfold/auth';
import type { Connection } from '@mangfold/graphql';
import { InternationalDay } from './international-day.entity';
import { InternationalDayService } from './international-day.service';
import { Participation, ParticipationStatus } from './participation.entity';

/** A participation with the name it goes by: its association's, or the organisation's TFI typed in. */
export interface NamedParticipation {
  participation: Participation;
  participantName: string;
}

/**
 * What the portal reads about International Day participations: the day people sign up for now,
 * an association's own participations, and a year's list with names (by InternationalDayService's
 * visibility rules). Writes stay in InternationalDayService.
 */
@Injectable()
export class ParticipationDirectory {
  constructor(
    private readonly em: EntityManager,
    private readonly days: InternationalDayService,
  ) {}

  /** The first International Day whose event has not ended, with its event; null when none is planned. */
  upcoming(now = new Date()): Promise<InternationalDay | null> {
    return this.em
      .fork()
      .findOne(InternationalDay, { event: { endsAt: { $gte: now } } }, { populate: ['event'], orderBy: { year: 'asc' } });
  }

  /** A year's day with its event, or null. */
  ofYear(year: number): Promise<InternationalDay | null> {
    return this.em.fork().findOne(InternationalDay, { year }, { populate: ['event'] });
  }

  /** Every year that has an International Day, oldest first. */
  async years(): Promise<number[]> {
    const rows = await this.em.fork().find(InternationalDay, {}, { fields: ['year'], orderBy: { year: 'asc' } });
    return rows.map((d) => d.year);
  }

  /** An association's participations in a day, in application order (the caller checked it may see them). */
  ofAssociation(dayId: string, associationId: string): Promise<Participation[]> {
    return this.em
      .fork()
      .find(Participation, { internationalDay: dayId, association: associationId }, { orderBy: { queuePosition: 'asc' } });
  }

  /** The latest participation status of each association in a day (associations without one are left out). */
  async statusByAssociation(dayId: string, associationIds: string[]): Promise<Map<string, ParticipationStatus>> {
    if (!associationIds.length) return new Map();
    const rows = await this.em
      .fork()
      .find(
        Participation,
        { internationalDay: dayId, association: { $in: associationIds } },
        { fields: ['association', 'status'], orderBy: { queuePosition: 'asc' } },
      );
    // Later applications overwrite earlier (declined or cancelled) ones.
    return new Map(rows.map((p) => [p.association!.id, p.status]));
  }

  /** A page of a year's participations the user may see (all for TFI), each with its participant's name. */
  async page(user: AuthUser, year: number, first: number, after: string | null): Promise<Connection<NamedParticipation>> {
    const page = await this.days.list(user, { year, first, after });
    const rows = page.edges.map((e) => e.node);
    await this.em.populate(rows, ['association']);
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: { participation: e.node, participantName: e.node.association?.name ?? e.node.organisationName ?? '' },
      })),
    };
  }
}
