import { Module } from '@nestjs/common';
import { AtlasController } from './atlas/atlas.controller';
import { AtlasService } from './atlas/atlas.service';
import { SiteController } from './site.controller';

/** The pages for people (WEB.md), rendered on the server from the domain services. */
@Module({
  controllers: [SiteController, AtlasController],
  providers: [AtlasService],
})
export class WebModule {}
