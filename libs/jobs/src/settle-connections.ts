import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue, Worker } from 'bullmq';
import { QueueName } from './job-names';

const SETTLE_MS = 3_000;

/**
 * Waits, at most a few seconds, for BullMQ connections that are still connecting. BullMQ 5 rejects
 * the start-up of a connection closed mid-connect after it has dropped its listeners, which
 * surfaces as an unhandled "Connection is closed" error when a process stops right after starting.
 * Bounded, so a Redis that is down does not hold a deploy up.
 */
export async function settleBullConnections(clients: Array<Queue | Worker>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_MS)));
  const ready = Promise.all(clients.map((c) => c.waitUntilReady().catch(() => undefined)));
  await Promise.race([ready, bound]);
  clearTimeout(timer);
}

/** Runs before @nestjs/bullmq closes the queues (on application shutdown). */
@Injectable()
export class QueueConnectionsSettler implements BeforeApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  async beforeApplicationShutdown(): Promise<void> {
    await settleBullConnections(Object.values(QueueName).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })));
  }
}
