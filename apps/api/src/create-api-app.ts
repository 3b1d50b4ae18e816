import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@mangfold/config';
import { bootstrapAdmin } from '@mangfold/auth';
import { HttpErrorsFilter } from '@mangfold/graphql';
import { FeedHttpHandler, installFeedFastPath } from '@mangfold/feeds';
import { migrateAndSeedReference } from '@mangfold/prisma-free-db';
import { PageHttpHandler, SiteNotFoundFilter, installPageFastPath, securityHeaders } from '@mangfold/web';
import { AppModule } from './app.module';
import { mountGraphqlIde } from './ide/ide';

/**
 * Builds the api (used by main.ts and the e2e tests): migrations and reference data first, so
 * nothing serves or relays jobs against an old schema; then the bootstrap admin; then init.
 */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  const httpErrors = new HttpErrorsFilter();
  // Nest tries the last global filter first: a wrong link into the site gets the 404 page, the rest JSON.
  app.useGlobalFilters(httpErrors, new SiteNotFoundFilter(config.http.publicBaseUrl, httpErrors));
  mountGraphqlIde(app.getHttpAdapter().getInstance());

  const orm = app.get<MikroORM>(MikroORM);
  if (config.db.migrateOnStart && config.db.url) await migrateAndSeedReference(orm, config.db.url);
  await bootstrapAdmin(orm.em.fork(), config);
  await app.init();
  // Cached public pages and the feeds are answered on the node:http server itself, ahead of Express
  // and its middleware (the feeds first: they are the most requested).
  installPageFastPath(app.getHttpServer(), app.get(PageHttpHandler));
  installFeedFastPath(app.getHttpServer(), app.get(FeedHttpHandler));
  return app;
}
