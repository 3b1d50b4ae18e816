import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { type AppConfig, InjectConfig, routesOf, siteLanguageOf, sitePaths } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { AtlasPage, actorPath } from '../pages/atlas.page';
import { sendPage } from '../respond';
import { AtlasService } from './atlas.service';

/** The TFI-atlas: the map with its list, and its actors as GeoJSON for other maps. */
@Controller()
@Public()
export class AtlasController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly atlas: AtlasService,
  ) {}

  @Get(routesOf(sitePaths.atlas))
  async page(@Req() req: Request, @Res() res: Response): Promise<void> {
    const atlas = await this.atlas.atlas();
    sendPage(res, <AtlasPage lang={siteLanguageOf(req.path)} baseUrl={this.config.http.publicBaseUrl} atlas={atlas} />, {
      cache: 'public',
    });
  }

  @Get(sitePaths.atlasGeoJson().slice(1))
  async geoJson(@Res() res: Response): Promise<void> {
    const { areas, elsewhere } = await this.atlas.atlas();
    const base = this.config.http.publicBaseUrl;
    const actors = [
      ...areas.flatMap((area) => area.actors.map((actor) => ({ actor, area }))),
      ...elsewhere.map((actor) => ({ actor, area: null })),
    ];
    const features = actors
      .filter(({ actor }) => actor.point)
      .map(({ actor, area }) => ({
        type: 'Feature',
        id: actor.slug,
        geometry: { type: 'Point', coordinates: [actor.point!.longitude, actor.point!.latitude] },
        properties: {
          name: actor.name,
          kind: actor.kind,
          district: area?.slug ?? null,
          districtName: area ? (localize(area.name, 'da') ?? null) : null,
          url: `${base}${actorPath('da', actor)}`,
          urlEn: `${base}${actorPath('en', actor)}`,
        },
      }));
    res
      .status(200)
      .setHeader('Content-Type', 'application/geo+json')
      .setHeader('Cache-Control', 'public, max-age=60')
      // Public data meant for other maps: any site may read it.
      .setHeader('Access-Control-Allow-Origin', '*')
      .send(Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })));
  }
}
