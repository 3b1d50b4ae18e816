import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-names';

export type JobHandler<N extends JobName> = (data: JobPayloads[N], job: Job<JobPayloads[N]>) => Promise<unknown>;

/**
 * Where each domain lib's jobs module registers the handler of its jobs. The worker refuses to start
 * while a job of a queue it consumes has no handler (JobWorkers), so a new job cannot be enqueued
 * with nobody to run it.
 */
@Injectable()
export class JobHandlers {
  // Each entry holds the handler of its own key; the map cannot say so in its type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly handlers = new Map<JobName, JobHandler<any>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`job "${name}" already has a handler`);
    this.handlers.set(name, handler);
  }

  get<N extends JobName>(name: N): JobHandler<N> | undefined {
    return this.handlers.get(name);
  }

  names(): JobName[] {
    return [...this.handlers.keys()];
  }
}
