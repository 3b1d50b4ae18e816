import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { type AppConfig, InjectConfig, routesOf, siteLanguageOf, sitePaths } from '@mangfold/config';
import { STYLESHEET } from './assets';
import { AccessibilityPage } from './pages/accessibility.page';
import { sendPage } from './respond';

/** The stylesheet and the site's static pages. */
@Controller()
@Public()
export class SiteController {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  @Get('assets/:file')
  stylesheet(@Param('file') file: string, @Res() res: Response): void {
    if (`/assets/${file}` !== STYLESHEET.path) throw new NotFoundException();
    res
      .setHeader('Content-Type', 'text/css; charset=utf-8')
      .setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      .setHeader('ETag', STYLESHEET.etag)
      .send(STYLESHEET.bytes);
  }

  @Get(routesOf(sitePaths.accessibility))
  accessibility(@Req() req: Request, @Res() res: Response): void {
    sendPage(res, <AccessibilityPage lang={siteLanguageOf(req.path)} baseUrl={this.config.http.publicBaseUrl} />);
  }
}
