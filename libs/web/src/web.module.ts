import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { CalendarModule } from '@mangfold/calendar';
import { AdminAssociationsController } from './portal/admin/admin-associations.controller';
import { ModerationController } from './portal/admin/moderation.controller';
import { PortalEventsController } from './portal/events/portal-events.controller';
import { PortalEventsService } from './portal/events/portal-events.service';
import { PortalController } from './portal/portal.controller';
import { PortalOverviewService } from './portal/portal-overview.service';
import { PortalReferenceService } from './portal/portal-reference.service';
import { SignUpController } from './portal/sign-up.controller';
import { SiteController } from './site.controller';

/** The pages for people (WEB.md), rendered on the server from the domain services. */
@Module({
  imports: [AssociationsModule, CalendarModule],
  controllers: [
    SiteController,
    PortalController,
    SignUpController,
    AdminAssociationsController,
    ModerationController,
    PortalEventsController,
  ],
  providers: [PortalOverviewService, PortalReferenceService, PortalEventsService],
})
export class WebModule {}
