import { Queue } from 'bullmq';
import { enqueue, JobName, QUEUE_DEFAULT_JOB_OPTIONS, type QueueName, redisOptionsFromUrl, type JobPayloads } from '@mangfold/jobs';
import { MailDelivery } from '@mangfold/notifications';
import type { TestApp } from '../utils';

/** Enqueues a notification through the outbox, as a producer lib does in its transaction. */
export async function notify(app: TestApp, notification: JobPayloads[JobName.Notify], jobId?: string): Promise<void> {
  const em = app.em();
  enqueue(em, JobName.Notify, notification, { jobId });
  await em.flush();
}

/** A producer-side handle on one of the app's queues (closed by the caller). */
export function queueOf(app: TestApp, name: QueueName): Queue {
  return new Queue(name, {
    connection: redisOptionsFromUrl(app.config.redis.url),
    prefix: app.config.redis.prefix,
    defaultJobOptions: QUEUE_DEFAULT_JOB_OPTIONS[name],
  });
}

export async function deliveries(app: TestApp, where: Partial<Record<keyof MailDelivery, unknown>> = {}): Promise<MailDelivery[]> {
  return app.em().find(MailDelivery, where as never, { orderBy: { createdAt: 'asc' } });
}
