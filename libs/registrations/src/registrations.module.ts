import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { CapacityWatcher } from './capacity-watcher';
import { EventAccess } from './event-access.service';
import { InternationalDayResolver, ParticipationResolver } from './international-day.resolver';
import { InternationalDayService } from './international-day.service';
import { ManageRegistrationController } from './manage-registration.controller';
import { PublicWriteLimits } from './public-write-limits';
import { RegistrationsExportController } from './registrations-export.controller';
import { RegistrationsResolver } from './registrations.resolver';
import { RegistrationsService } from './registrations.service';

/** Registrations, waiting lists, check-in, feedback and International Day, for the api. */
@Module({
  imports: [AssociationsModule],
  providers: [
    RegistrationsService,
    InternationalDayService,
    EventAccess,
    PublicWriteLimits,
    CapacityWatcher,
    RegistrationsResolver,
    InternationalDayResolver,
    ParticipationResolver,
  ],
  controllers: [RegistrationsExportController, ManageRegistrationController],
  exports: [RegistrationsService, InternationalDayService, EventAccess],
})
export class RegistrationsModule {}
