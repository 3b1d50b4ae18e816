import { Module } from '@nestjs/common';
import { AssociationsModule } from '@mangfold/associations';
import { CalendarModule } from '@mangfold/calendar';
import { RegistrationsModule } from '@mangfold/registrations';
import { PublicPagesController } from './public-pages.controller';
import { SiteController } from './site.controller';
import { SiteData } from './site-data.service';
import { SitemapController } from './sitemap.controller';

/** The pages for people (WEB.md), rendered on the server from the domain services. */
@Module({
  imports: [AssociationsModule, CalendarModule, RegistrationsModule],
  controllers: [SiteController, PublicPagesController, SitemapController],
  providers: [SiteData],
})
export class WebModule {}
