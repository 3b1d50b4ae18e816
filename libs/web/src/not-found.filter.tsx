import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SITE_LANGUAGES, siteLanguageOf, sitePaths } from '@mangfold/config';
import { NotFoundPage } from './pages/not-found.page';
import { sendPage } from './respond';

/** The first path segment of every section of the site, in both languages (from sitePaths, never by hand). */
const SECTIONS: ReadonlySet<string> = new Set(
  SITE_LANGUAGES.flatMap((lang) =>
    [
      sitePaths.events(lang),
      sitePaths.associations(lang),
      sitePaths.projects(lang),
      sitePaths.district(lang, 'x'),
      sitePaths.housingArea(lang, 'x'),
      sitePaths.occasion(lang, 'x'),
      sitePaths.internationalDay(lang),
      sitePaths.atlas(lang),
      sitePaths.subscribe(lang),
      sitePaths.privacy(lang),
      sitePaths.accessibility(lang),
    ].map((path) => path.split('/')[1]),
  ),
);

/** Whether a path lies under one of the site's sections: everything under /en, and the Danish sections at the root. */
export function isSitePath(path: string): boolean {
  if (siteLanguageOf(path) === 'en') return true;
  const first = path.split('/')[1] ?? '';
  return SECTIONS.has(first.replace(/\.rss$/, ''));
}

/**
 * A person who follows a wrong link into the site gets the site's 404 page, not JSON. Everything
 * else (the api, GraphQL, other methods) goes to the api's own error filter unchanged.
 */
@Catch(NotFoundException)
export class SiteNotFoundFilter implements ExceptionFilter {
  constructor(
    private readonly baseUrl: string,
    private readonly fallback: ExceptionFilter,
  ) {}

  catch(exception: NotFoundException, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return this.fallback.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent || (req.method !== 'GET' && req.method !== 'HEAD') || !isSitePath(req.path))
      return this.fallback.catch(exception, host);
    sendPage(res, <NotFoundPage lang={siteLanguageOf(req.path)} baseUrl={this.baseUrl} />, { status: 404 });
    return undefined;
  }
}
