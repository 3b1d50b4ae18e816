import { Inject, type Type } from '@nestjs/common';
import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '@mangfold/graphql';
import { RegistrationCountsModel } from './models/registration.model';
import { RegistrationsService } from './registrations.service';

/**
 * Registration fields on the calendar's `Event` type, kept in this lib so the calendar lib needs
 * no knowledge of registrations. Mount it where both libs meet (the api module):
 *
 *   providers: [eventRegistrationFieldsResolver(EventModel)]
 *
 * `registrationCounts` (seats, head counts, whether registration is open: no personal data) is
 * always added; `seatFields: true` also adds `seatsLeft` and `waitlistLength`, for when the
 * calendar does not resolve them itself. Every field goes through one DataLoader per request.
 */
export function eventRegistrationFieldsResolver(eventType: Type<unknown>, options: { seatFields?: boolean } = {}): Type<unknown> {
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
  if (!options.seatFields) return EventRegistrationFieldsResolver;

  @Resolver(() => eventType)
  class EventSeatFieldsResolver extends EventRegistrationFieldsResolver {
    @ResolveField(() => Int, {
      nullable: true,
      description: 'Seats still free; null means unlimited (0 while a lowered capacity is overbooked)',
    })
    async seatsLeft(@Parent() event: { id: string }, @Context() { loaders }: GqlContext): Promise<number | null> {
      return (await loaders.get(this.registrations.countsByEvent).load(event.id))?.seatsLeft ?? null;
    }

    @ResolveField(() => Int, { description: 'Parties on the waiting list' })
    async waitlistLength(@Parent() event: { id: string }, @Context() { loaders }: GqlContext): Promise<number> {
      return (await loaders.get(this.registrations.countsByEvent).load(event.id))?.waitlistLength ?? 0;
    }
  }
  return EventSeatFieldsResolver;
}
