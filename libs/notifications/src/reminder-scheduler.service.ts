import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import type { Event } from '@mangfold/calendar';
import { JobName, QueueName, type JobPayloads } from '@mangfold/jobs';
import type { Registration } from '@mangfold/registrations';

/** Minutes before the start when an event does not say: a week, and a day. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES: readonly number[] = [7 * 24 * 60, 24 * 60];

export const NOTIFICATION_TIMING = Symbol('NOTIFICATION_TIMING');

export interface NotificationTiming {
  /** How long after an event ends its feedback requests go out. */
  feedbackDelayMs: number;
}

export function reminderOffsets(event: Pick<Event, 'reminderOffsetsMinutes'>): number[] {
  const offsets = event.reminderOffsetsMinutes ?? DEFAULT_REMINDER_OFFSETS_MINUTES;
  return [...new Set(offsets.filter((o) => Number.isInteger(o) && o > 0))].sort((a, b) => b - a);
}

// BullMQ forbids ':' in custom job ids; these are deterministic so a job is never queued twice.
export const reminderJobId = (registrationId: string, offsetMinutes: number) => `reminder_${registrationId}_${offsetMinutes}`;
export const feedbackJobId = (registrationId: string) => `feedback_${registrationId}`;

/** When an event is over, for its feedback requests: its (last) end. Null for an endless series. */
export function eventOverAt(event: Pick<Event, 'endsAt' | 'lastEndsAt' | 'recurrence'>): Date | null {
  return event.recurrence ? event.lastEndsAt : (event.lastEndsAt ?? event.endsAt);
}

export class JobBusyError extends Error {}

/**
 * Keeps a registration's delayed reminder and feedback jobs in line with its event: one job per
 * (registration, offset), scheduled for the event's current start; a job scheduled for another
 * start is replaced. The sending jobs re-check everything, so a job left behind is harmless.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    @Inject(NOTIFICATION_TIMING) private readonly timing: NotificationTiming,
  ) {}

  /** Schedules (or moves) the reminders and the feedback request of a confirmed registration. */
  async schedule(registration: Pick<Registration, 'id'>, event: Event, now = Date.now()): Promise<{ scheduled: number }> {
    const startsAt = event.startsAt.toISOString();
    let scheduled = 0;
    const wanted = new Set<string>();
    for (const offsetMinutes of reminderOffsets(event)) {
      const due = event.startsAt.getTime() - offsetMinutes * 60_000;
      const jobId = reminderJobId(registration.id, offsetMinutes);
      if (due <= now) continue;
      wanted.add(jobId);
      const data: JobPayloads[JobName.SendReminder] = { registrationId: registration.id, offsetMinutes, startsAt };
      if (await this.put(jobId, JobName.SendReminder, data, due - now, (job) => job.data.startsAt === startsAt)) scheduled++;
    }
    // Offsets the event no longer has (or that are now past) lose their jobs.
    for (const offsetMinutes of this.allOffsets(event)) {
      const jobId = reminderJobId(registration.id, offsetMinutes);
      if (!wanted.has(jobId)) await this.remove(jobId, true);
    }
    const overAt = eventOverAt(event);
    const feedbackId = feedbackJobId(registration.id);
    if (overAt) {
      const endsAt = overAt.toISOString();
      const due = overAt.getTime() + this.timing.feedbackDelayMs;
      const data: JobPayloads[JobName.SendFeedbackRequest] = { registrationId: registration.id, endsAt };
      await this.put(feedbackId, JobName.SendFeedbackRequest, data, Math.max(0, due - now), (job) => job.data.endsAt === endsAt);
    } else {
      await this.remove(feedbackId, true);
    }
    return { scheduled };
  }

  /** Removes every pending reminder and feedback job of a registration. */
  async cancel(registrationId: string, event: Pick<Event, 'reminderOffsetsMinutes'>): Promise<void> {
    for (const offsetMinutes of this.allOffsets(event)) await this.remove(reminderJobId(registrationId, offsetMinutes), false);
    await this.remove(feedbackJobId(registrationId), false);
  }

  /** The ids of a registration's pending (delayed or waiting) reminder jobs, for tests and operators. */
  async pending(registrationId: string, event: Pick<Event, 'reminderOffsetsMinutes'>): Promise<Job[]> {
    const jobs: Job[] = [];
    for (const offsetMinutes of this.allOffsets(event)) {
      const job = await this.queue.getJob(reminderJobId(registrationId, offsetMinutes));
      if (job && ['delayed', 'waiting', 'prioritized'].includes(await job.getState())) jobs.push(job);
    }
    return jobs;
  }

  private allOffsets(event: Pick<Event, 'reminderOffsetsMinutes'>): number[] {
    return [...new Set([...reminderOffsets(event), ...DEFAULT_REMINDER_OFFSETS_MINUTES])];
  }

  /**
   * Adds the job unless one with its id is already there for the same schedule (`same`); a job
   * for another schedule is removed first. An active one cannot be removed: the caller retries.
   */
  private async put<N extends JobName.SendReminder | JobName.SendFeedbackRequest>(
    jobId: string,
    name: N,
    data: JobPayloads[N],
    delay: number,
    same: (job: Job<JobPayloads[N]>) => boolean,
  ): Promise<boolean> {
    const existing = (await this.queue.getJob(jobId)) as Job<JobPayloads[N]> | undefined;
    if (existing) {
      const state = await existing.getState();
      if (same(existing) && state !== 'unknown') return false;
      if (state === 'active') throw new JobBusyError(`job ${jobId} is running; rescheduling it is retried`);
      await this.remove(jobId, true);
    }
    await this.queue.add(name, data, { jobId, delay });
    return true;
  }

  private async remove(jobId: string, strict: boolean): Promise<void> {
    const removed = await this.queue.remove(jobId);
    if (removed === 1 || !strict) return;
    const job = await this.queue.getJob(jobId);
    if (job && (await job.getState()) === 'active') throw new JobBusyError(`job ${jobId} is running; rescheduling it is retried`);
  }
}
