import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { Event } from '@mangfold/calendar';
import { JobName, enqueue } from '@mangfold/jobs';

/**
 * Promotion after a capacity rise, wherever the event is edited: when a flush raises an event's
 * capacity (or lifts it), a PromoteWaitlist job joins the same transaction, and the job promotes
 * the waiting list under the event's lock. Lowering it changes nobody: promotion simply waits
 * until enough seats free up. The calendar lib needs to know nothing about registrations.
 */
@Injectable()
export class CapacityWatcher implements EventSubscriber, OnApplicationBootstrap {
  constructor(private readonly orm: MikroORM) {}

  onApplicationBootstrap(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  onFlush(args: FlushEventArgs): void {
    for (const changeSet of args.uow.getChangeSets()) {
      if (changeSet.type !== ChangeSetType.UPDATE || !(changeSet.entity instanceof Event) || !('capacity' in changeSet.payload)) continue;
      const before = changeSet.originalEntity?.capacity as number | null | undefined;
      const after = changeSet.entity.capacity;
      if (before === null || before === undefined || !(after === null || after > before)) continue;
      const message = enqueue(args.em, JobName.PromoteWaitlist, { eventId: changeSet.entity.id });
      args.uow.computeChangeSet(message);
    }
  }
}
