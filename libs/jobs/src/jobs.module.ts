import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, type AppConfig } from '@mangfold/config';
import { QueueName } from './job-names';
import { JobHandlers } from './job-handlers';
import { JobWorkers, WORKER_QUEUES } from './job-workers.service';
import { OutboxRelay } from './outbox-relay.service';
import { QUEUE_DEFAULT_JOB_OPTIONS } from './queue-options';
import { redisOptionsFromUrl } from './redis-connection';
import { RedisModule } from './redis.module';
import { QueueConnectionsSettler } from './settle-connections';

/**
 * Queues (producers) and the outbox relay. Both apps import it; only the worker adds
 * `JobsModule.worker()`, so the api never consumes jobs.
 */
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        RedisModule,
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // Producers fail fast while Redis is down (the outbox keeps the job) instead of queueing in memory.
            connection: { ...redisOptionsFromUrl(config.redis.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
            prefix: config.redis.prefix,
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name, defaultJobOptions: QUEUE_DEFAULT_JOB_OPTIONS[name] }))),
      ],
      providers: [OutboxRelay, JobHandlers, QueueConnectionsSettler],
      exports: [BullModule, RedisModule, OutboxRelay, JobHandlers],
    };
  }

  /** The BullMQ workers; `queues` narrows which queues this process consumes. */
  static worker(queues: QueueName[] = Object.values(QueueName)): DynamicModule {
    return {
      module: JobsModule,
      providers: [JobWorkers, { provide: WORKER_QUEUES, useValue: queues }],
      exports: [JobWorkers],
    };
  }
}
