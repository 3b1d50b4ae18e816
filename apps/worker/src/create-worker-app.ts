import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@mangfold/config';
import { migrateAndSeedReference } from '@mangfold/prisma-free-db';
import { WorkerModule } from './worker.module';

/** The worker as a Nest application context (no HTTP server). */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (config.db.migrateOnStart && config.db.url) await migrateAndSeedReference(app.get<MikroORM>(MikroORM), config.db.url);
  await app.init();
  return app;
}
