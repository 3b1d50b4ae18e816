import { Module } from '@nestjs/common';
import { SiteController } from './site.controller';

/** The pages for people (WEB.md), rendered on the server from the domain services. */
@Module({
  controllers: [SiteController],
})
export class WebModule {}
