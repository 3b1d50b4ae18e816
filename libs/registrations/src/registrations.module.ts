import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { RateLimiter } from '@mangfold/auth';
import { CalendarModule, EventModel } from '@mangfold/calendar';
import { CORE_PROVIDERS } from './core-providers';
import { eventFieldResolvers, eventRegistrationFieldsResolver } from './event-registration-fields';
import { EventAccess } from './event-access.service';
import { InternationalDayResolver, ParticipationResolver } from './international-day.resolver';
import { InternationalDayService } from './international-day.service';
import { ParticipationDirectory } from './participation-directory.service';
import { PUBLIC_WRITE_LIMITER, PublicWriteLimits } from './public-write-limits';
import { RegistrationsExportController } from './registrations-export.controller';
import { RegistrationsResolver } from './registrations.resolver';
import { PersonalDataExport } from './personal-data-export.service';
import { PersonalDataService } from './personal-data.service';
import { RegistrationsCsv } from './registrations-csv';
import { RegistrationsService } from './registrations.service';

/** Registrations, waiting lists, check-in, feedback and International Day, for the api. */
@Module({
  imports: [AssociationsModule, CalendarModule],
  providers: [
    ...CORE_PROVIDERS,
    PersonalDataExport,
    RegistrationsCsv,
    InternationalDayService,
    ParticipationDirectory,
    PublicWriteLimits,
    RegistrationsResolver,
    InternationalDayResolver,
    ParticipationResolver,
    // The calendar resolves seatsLeft and waitlistLength from the event's counters itself.
    eventRegistrationFieldsResolver(EventModel),
    ...eventFieldResolvers(EventModel),
    { provide: PUBLIC_WRITE_LIMITER, useExisting: RateLimiter },
  ],
  controllers: [RegistrationsExportController],
  exports: [
    RegistrationsService,
    InternationalDayService,
    ParticipationDirectory,
    EventAccess,
    PersonalDataService,
    PersonalDataExport,
    PublicWriteLimits,
  ],
})
export class RegistrationsModule {}
