import { withTimeout } from './timeout';

describe('withTimeout', () => {
  it('passes on what settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'adding')).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('no')), 1000, 'adding')).rejects.toThrow('no');
  });

  it('rejects, naming what it waited for, when the promise does not settle', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'Redis')).rejects.toThrow('Redis did not finish within 10 ms');
  });
});
