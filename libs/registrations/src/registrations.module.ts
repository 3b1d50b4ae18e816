import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { RateLimiter } from '@mangfold/auth';
import { CalendarModule, EventModel } from '@mangfold/calendar';
import { eventFieldResolvers, eventRegistrationFieldsResolver } from './event-registration-fields';
import { CapacityWatcher } from './capacity-watcher';
import { EventAccess } from './event-access.service';
import { InternationalDayResolver, ParticipationResolver } from './international-day.resolver';
import { InternationalDayService } from './international-day.service';
import { PUBLIC_WRITE_LIMITER, PublicWriteLimits } from './public-write-limits';
import { RegistrationsExportController } from './registrations-export.controller';
import { RegistrationsResolver } from './registrations.resolver';
import { PersonalDataService } from './personal-data.service';
import { RegistrationsService } from './registrations.service';

/** Registrations, waiting lists, check-in, feedback and International Day, for the api. */
@Module({
  imports: [AssociationsModule, CalendarModule],
  providers: [
    RegistrationsService,
    PersonalDataService,
    InternationalDayService,
    EventAccess,
    PublicWriteLimits,
    CapacityWatcher,
    RegistrationsResolver,
    InternationalDayResolver,
    ParticipationResolver,
    // The calendar resolves seatsLeft and waitlistLength from the event's counters itself.
    eventRegistrationFieldsResolver(EventModel),
    ...eventFieldResolvers(EventModel),
    { provide: PUBLIC_WRITE_LIMITER, useExisting: RateLimiter },
  ],
  controllers: [RegistrationsExportController],
  exports: [RegistrationsService, InternationalDayService, EventAccess, PersonalDataService, PublicWriteLimits],
})
export class RegistrationsModule {}
