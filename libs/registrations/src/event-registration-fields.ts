import { Inject, type Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarLoaders, type Event } from '@mangfold/calendar';
import type { GqlContext } from '@mangfold/graphql';
import { InternationalDayModel } from './models/international-day.model';
import { RegistrationCountsModel, RegistrationModel } from './models/registration.model';
import { RegistrationsService } from './registrations.service';

/**
 * Registration fields on the calendar's `Event` type, kept in this lib so the calendar lib needs
 * no knowledge of registrations. RegistrationsModule mounts it:
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
 * The `event` field of Registration and InternationalDay, typed as the calendar's Event;
 * RegistrationsModule mounts them:
 *
 *   providers: [...eventFieldResolvers(EventModel)]
 *
 * The parent is the Event entity, loaded by id through the calendar's one eventById loader per
 * request, which is what the calendar's Event field resolvers receive from its own queries.
 */
export function eventFieldResolvers(eventType: Type<unknown>): Type<unknown>[] {
  @Resolver(() => RegistrationModel)
  class RegistrationEventResolver {
    constructor(@Inject(CalendarLoaders) private readonly calendar: CalendarLoaders) {}

    @ResolveField(() => eventType, { description: 'The event registered for' })
    event(@Parent() registration: RegistrationModel, @Context() { loaders }: GqlContext): Promise<Event> {
      return loaders.get(this.calendar.eventById).load(registration.eventId);
    }
  }

  @Resolver(() => InternationalDayModel)
  class InternationalDayEventResolver {
    constructor(@Inject(CalendarLoaders) private readonly calendar: CalendarLoaders) {}

    @ResolveField(() => eventType, { description: 'The day’s event (kind INTERNATIONAL_DAY)' })
    event(@Parent() day: InternationalDayModel, @Context() { loaders }: GqlContext): Promise<Event> {
      return loaders.get(this.calendar.eventById).load(day.eventId);
    }
  }

  return [RegistrationEventResolver, InternationalDayEventResolver];
}
