import { Inject, type Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/postgresql';
import { Event } from '@mangfold/calendar';
import { byIdLoader, type GqlContext, type LoaderFactory } from '@mangfold/graphql';
import { InternationalDayModel } from './models/international-day.model';
import { RegistrationCountsModel, RegistrationModel } from './models/registration.model';
import { RegistrationsService } from './registrations.service';

/**
 * Registration fields on the calendar's `Event` type, kept in this lib so the calendar lib needs
 * no knowledge of registrations. Mount it where both libs meet (the api module):
 *
 *   providers: [eventRegistrationFieldsResolver(EventModel)]
 *
 * `registrationCounts`: seats, head counts, whether registration is open (no personal data),
 * through one DataLoader per request. `seatsLeft` and `waitlistLength` the calendar resolves
 * itself from the event's counters.
 */
export function eventRegistrationFieldsResolver(eventType: Type<unknown>): Type<unknown> {
  @Resolver(() => eventType)
  class EventRegistrationFieldsResolver {
    constructor(@Inject(RegistrationsService) readonly registrations: RegistrationsService) {}

    @ResolveField(() => RegistrationCountsModel, {
      nullable: true,
      description: 'Seats, head counts and whether registration is open now (no personal data)',
    })
    registrationCounts(@Parent() event: { id: string }, @Context() { loaders }: GqlContext): Promise<RegistrationCountsModel | null> {
      return loaders.get(this.registrations.countsByEvent).load(event.id);
    }
  }
  return EventRegistrationFieldsResolver;
}

/**
 * The `event` field of Registration and InternationalDay, typed as the calendar's Event, once the
 * two libs meet in the api module:
 *
 *   providers: [...eventFieldResolvers(EventModel)]
 *
 * The parent is the Event entity, loaded by id through one DataLoader per request, which is what
 * the calendar's Event field resolvers receive from its own queries.
 */
export function eventFieldResolvers(eventType: Type<unknown>): Type<unknown>[] {
  const eventById = (em: EntityManager): LoaderFactory<string, Event> => {
    const factory: LoaderFactory<string, Event> = () => byIdLoader(em, Event);
    return factory;
  };

  @Resolver(() => RegistrationModel)
  class RegistrationEventResolver {
    private readonly events: LoaderFactory<string, Event>;

    constructor(@Inject(EntityManager) em: EntityManager) {
      this.events = eventById(em);
    }

    @ResolveField(() => eventType, { description: 'The event registered for' })
    event(@Parent() registration: RegistrationModel, @Context() { loaders }: GqlContext): Promise<Event> {
      return loaders.get(this.events).load(registration.eventId);
    }
  }

  @Resolver(() => InternationalDayModel)
  class InternationalDayEventResolver {
    private readonly events: LoaderFactory<string, Event>;

    constructor(@Inject(EntityManager) em: EntityManager) {
      this.events = eventById(em);
    }

    @ResolveField(() => eventType, { description: 'The day’s event (kind INTERNATIONAL_DAY)' })
    event(@Parent() day: InternationalDayModel, @Context() { loaders }: GqlContext): Promise<Event> {
      return loaders.get(this.events).load(day.eventId);
    }
  }

  return [RegistrationEventResolver, InternationalDayEventResolver];
}
