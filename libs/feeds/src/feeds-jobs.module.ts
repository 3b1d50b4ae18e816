import { Injectable, Logger, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { JobHandlers, JobName } from '@mangfold/jobs';
import { FeedFiles } from './feed-files';
import { FeedFragments } from './feed-fragments.service';
import { FeedPublisher } from './feed-publisher.service';
import { FeedSnapshots } from './feed-snapshots.service';

/** How often each worker sweeps for feeds a job missed or whose window moved. */
const FEED_SWEEP_INTERVAL_MS = 5_000;

@Injectable()
class FeedJobs implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FeedJobs');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly publisher: FeedPublisher,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.EventChanged, ({ eventId }) => this.publisher.eventsChanged([eventId]));
    this.handlers.register(JobName.AssociationChanged, ({ associationId }) => this.publisher.associationChanged(associationId));
    this.handlers.register(JobName.OccasionChanged, ({ occasionId }) => this.publisher.occasionChanged(occasionId));
    this.handlers.register(JobName.RenderFeed, ({ feedKey }) => this.publisher.renderFeed(feedKey));
  }

  onApplicationBootstrap(): void {
    // Fragments for events that have none yet (existing data, a new renderer version), in the background.
    this.running = this.publisher
      .backfill(() => this.stopped)
      .then(
        (count) => count > 0 && this.logger.log(`rendered feed fragments of ${count} event(s)`),
        (error: Error) => this.logger.error(`feed backfill failed: ${error.message}`),
      );
    this.schedule();
  }

  // Before any module's shutdown: the sweep and the backfill still need the database to finish.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = Promise.resolve(this.running)
        .then(() => this.publisher.sweep())
        .catch((error: Error) => this.logger.warn(`feed sweep failed: ${error.message}`))
        .finally(() => this.schedule());
    }, FEED_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }
}

/** The feed jobs; imported by the worker only, so the api never consumes them. */
@Module({ providers: [FeedFiles, FeedSnapshots, FeedFragments, FeedPublisher, FeedJobs], exports: [FeedPublisher, FeedSnapshots] })
export class FeedsJobsModule {}
