import { Module } from '@nestjs/common';
import { CalendarModule } from '@mangfold/calendar';
import { RegistrationsModule } from '@mangfold/registrations';
import { EventsController } from './events.controller';
import { ListingQueries } from './events/listing-query';
import { SiteController } from './site.controller';

/** The pages for people (WEB.md), rendered on the server from the domain services. */
@Module({
  imports: [CalendarModule, RegistrationsModule],
  providers: [ListingQueries],
  controllers: [SiteController, EventsController],
})
export class WebModule {}
