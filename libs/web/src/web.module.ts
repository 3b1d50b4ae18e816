import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { CalendarModule } from '@mangfold/calendar';
import { KpiModule } from '@mangfold/kpi';
import { NotificationsModule } from '@mangfold/notifications';
import { RegistrationsModule } from '@mangfold/registrations';
import { WorkplanModule } from '@mangfold/workplan';
import { AtlasController } from './atlas/atlas.controller';
import { AtlasService } from './atlas/atlas.service';
import { AccountController } from './portal/account/account.controller';
import { AdminAssociationsController } from './portal/admin/admin-associations.controller';
import { AdminInternationalDayController } from './portal/admin/admin-international-day.controller';
import { AssociationProfileController } from './portal/associations/association-profile.controller';
import { ParticipationController } from './portal/associations/international-day.controller';
import { ModerationController } from './portal/admin/moderation.controller';
import { ReportsController } from './portal/admin/reports.controller';
import { PortalEventsController } from './portal/events/portal-events.controller';
import { PortalEventsService } from './portal/events/portal-events.service';
import { PortalRegistrationsController } from './portal/events/registrations.controller';
import { PortalOverviewService } from './portal/portal-overview.service';
import { PortalReferenceService } from './portal/portal-reference.service';
import { PortalController } from './portal/portal.controller';
import { SignUpController } from './portal/sign-up.controller';
import { EventsController } from './events.controller';
import { PageCache } from './page-cache/page-cache.service';
import { PageHttpHandler } from './page-cache/page-http.handler';
import { EventPageData } from './events/event-page-data';
import { ListingQueries } from './events/listing-query';
import { PublicPagesController } from './public-pages.controller';
import { SiteController } from './site.controller';
import { SiteData } from './site-data.service';
import { SitemapController } from './sitemap.controller';
import { ManageRegistrationController } from './manage/manage-registration.controller';
import { SurveyController } from './manage/survey.controller';

/** The pages for people (WEB.md), rendered on the server from the domain services. */
@Module({
  imports: [AssociationsModule, CalendarModule, KpiModule, NotificationsModule, RegistrationsModule, WorkplanModule],
  controllers: [
    SiteController,
    EventsController,
    PublicPagesController,
    SitemapController,
    AtlasController,
    PortalController,
    SignUpController,
    AdminAssociationsController,
    ModerationController,
    PortalEventsController,
    ReportsController,
    AccountController,
    PortalRegistrationsController,
    AssociationProfileController,
    ParticipationController,
    AdminInternationalDayController,
    ManageRegistrationController,
    SurveyController,
  ],
  providers: [
    SiteData,
    ListingQueries,
    EventPageData,
    AtlasService,
    PortalOverviewService,
    PortalReferenceService,
    PortalEventsService,
    PageCache,
    PageHttpHandler,
  ],
  exports: [PageCache, PageHttpHandler],
})
export class WebModule {}
