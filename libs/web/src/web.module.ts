import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { CalendarModule } from '@mangfold/calendar';
import { PortalController } from './portal/portal.controller';
import { PortalOverviewService } from './portal/portal-overview.service';
import { SiteController } from './site.controller';

/** The pages for people (WEB.md), rendered on the server from the domain services. */
@Module({
  imports: [AssociationsModule, CalendarModule],
  controllers: [SiteController, PortalController],
  providers: [PortalOverviewService],
})
export class WebModule {}
