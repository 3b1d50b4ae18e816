import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { AuditEntryResolver } from './audit-entry.resolver';
import { CalendarLoaders } from './calendar-loaders';
import { EventQueries } from './event-queries.service';
import { EventsResolver } from './events.resolver';
import { EventDetails } from './event-details';
import { EventsService } from './events.service';
import { OccasionsResolver } from './occasions.resolver';
import { OccasionsService } from './occasions.service';
import { ReferenceData } from './reference-data.service';

/** Events, occasions and their moderation workflow (GraphQL); its jobs are handled by other libs. */
@Module({
  imports: [AssociationsModule],
  providers: [
    ReferenceData,
    CalendarLoaders,
    EventDetails,
    EventsService,
    EventQueries,
    OccasionsService,
    EventsResolver,
    OccasionsResolver,
    AuditEntryResolver,
  ],
  exports: [ReferenceData, CalendarLoaders, EventsService, EventQueries, OccasionsService],
})
export class CalendarModule {}
