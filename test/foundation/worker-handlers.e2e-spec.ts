import { JobHandlers, JobName, JOB_QUEUE, QueueName } from '@mangfold/jobs';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { startTestApp, type TestApp } from '../utils';

/** Every job a lib can enqueue has a handler in the worker; a new job name without one fails here. */
describe('the worker', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: true });
  });
  afterAll(() => app.close());

  it('handles every job name', () => {
    const registered = new Set(app.worker!.get(JobHandlers).names());
    const missing = Object.values(JobName).filter((name) => !registered.has(name));
    expect(missing).toEqual([]);
  });

  it('puts every job on a known queue', () => {
    for (const name of Object.values(JobName)) expect(Object.values(QueueName)).toContain(JOB_QUEUE[name]);
  });

  it('leaves the api without handlers: it only enqueues', () => {
    expect(app.api.get(JobHandlers).names()).toEqual([]);
  });

  // BullMQ rejects a connection closed mid-connect after dropping its listeners; shutdown waits for them.
  it('stops cleanly straight after starting, without unhandled connection errors', async () => {
    for (let i = 0; i < 5; i++) {
      const worker = await createWorkerApp(app.config);
      await worker.close();
    }
  });
});
