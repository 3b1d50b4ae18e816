/*
 * A worker that consumes the maintenance queue but registers the handler of only one of its jobs
 * (OutboxMaintenance: prune-outbox), started the way apps/worker/src/main.ts starts the real one.
 * jobs.e2e-spec runs it as a child process and expects it to refuse to start.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfigOrExit } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { JobsModule, OutboxMaintenance, QueueName } from '@mangfold/jobs';
import { SCHEMA } from '@mangfold/prisma-free-db';

const config = loadConfigOrExit();

@Module({
  imports: [
    ConfigModule.forRoot(config),
    DbModule.forRoot(SCHEMA, { registerRequestContext: false }),
    JobsModule.forRoot(),
    JobsModule.worker([QueueName.Maintenance]),
  ],
  providers: [OutboxMaintenance],
})
class IncompleteWorkerModule {}

NestFactory.createApplicationContext(IncompleteWorkerModule, { logger: false })
  .then(async (app) => {
    await app.close();
    process.stdout.write('started\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
