import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@mangfold/auth';
import { type AppConfig, InjectConfig, SITE_LANGUAGES, sitePaths, type SiteLanguage } from '@mangfold/config';
import { actorPath } from './links';
import { SiteData } from './site-data.service';

const xml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** sitemap.xml (every public page in both languages, each naming its twins) and robots.txt. */
@Controller()
@Public()
export class SitemapController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly data: SiteData,
  ) {}

  @Get('sitemap.xml')
  async sitemap(@Res() res: Response): Promise<void> {
    const entries = await this.data.sitemapEntries();
    const pages: ((lang: SiteLanguage) => string)[] = [
      sitePaths.home,
      sitePaths.events,
      sitePaths.pastEvents,
      sitePaths.associations,
      sitePaths.projects,
      sitePaths.atlas,
      (lang) => sitePaths.internationalDay(lang),
      sitePaths.subscribe,
      sitePaths.privacy,
      sitePaths.accessibility,
      ...entries.events.map((slug) => (lang: SiteLanguage) => sitePaths.event(lang, slug)),
      ...entries.actors.map((actor) => (lang: SiteLanguage) => actorPath(lang, actor)),
      ...entries.districts.map((slug) => (lang: SiteLanguage) => sitePaths.district(lang, slug)),
      ...entries.housingAreas.map((slug) => (lang: SiteLanguage) => sitePaths.housingArea(lang, slug)),
      ...entries.occasions.map((slug) => (lang: SiteLanguage) => sitePaths.occasion(lang, slug)),
      ...entries.internationalDayYears.map((year) => (lang: SiteLanguage) => sitePaths.internationalDay(lang, year)),
    ];
    const base = this.config.http.publicBaseUrl;
    const urls = pages.flatMap((path) => {
      const alternates = SITE_LANGUAGES.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${xml(base + path(l))}"/>`).join(
        '\n',
      );
      return SITE_LANGUAGES.map((lang) => `  <url>\n    <loc>${xml(base + path(lang))}</loc>\n${alternates}\n  </url>`);
    });
    res
      .type('application/xml; charset=utf-8')
      .setHeader('Cache-Control', 'public, max-age=3600')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
      );
  }

  @Get('robots.txt')
  robots(@Res() res: Response): void {
    res
      .type('text/plain; charset=utf-8')
      .setHeader('Cache-Control', 'public, max-age=3600')
      .send(
        [
          'User-agent: *',
          'Allow: /',
          'Disallow: /portal',
          'Disallow: /registrations',
          '',
          `Sitemap: ${this.config.http.publicBaseUrl}/sitemap.xml`,
          '',
        ].join('\n'),
      );
  }
}
