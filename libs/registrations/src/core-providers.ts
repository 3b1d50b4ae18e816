import { CapacityWatcher } from './capacity-watcher';
import { EventAccess } from './event-access.service';
import { PersonalDataService } from './personal-data.service';
import { RegistrationCountsReader } from './registration-counts';
import { RegistrationLoaders } from './registration-loaders';
import { RegistrationsService } from './registrations.service';
import { SeatLedger } from './seat-ledger';

/** What the api's and the worker's registrations modules both provide: the seat rules and the personal-data purge. */
export const CORE_PROVIDERS = [
  RegistrationsService,
  SeatLedger,
  RegistrationCountsReader,
  RegistrationLoaders,
  PersonalDataService,
  EventAccess,
  CapacityWatcher,
];
