import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ratioFigure, type Figure } from './harness';

/*
 * The servers a benchmark measures, each forked into a process of its own (feeds-processes.ts)
 * so it has a core to itself and never shares an event loop with the load generator here.
 */

export interface Child {
  process: ChildProcess;
  port?: number;
}

export function start(mode: 'api' | 'worker' | 'bare' | 'apollo', ...args: string[]): Promise<Child> {
  const child = fork(join(__dirname, 'feeds-processes.ts'), [mode, ...args], {
    execArgv: [
      '-r',
      '@swc-node/register',
      ...(process.env.BENCH_PROF && mode === 'api' ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // As deployed (docker/Dockerfile): libraries such as graphql-js skip their development checks.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port?: number }) => resolve({ process: child, port: message.port }));
    child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
  });
}

export async function stop(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGTERM');
    setTimeout(() => child.process.kill('SIGKILL'), 10_000).unref();
  });
}

/** One burst of load at a server: its mean requests per second and the requests that failed. */
export type Load = (url: string, seconds: number) => Promise<{ rps: number; errors: number }>;

/**
 * Ours against the baseline: both warmed up, then short rounds with the order swapped every round,
 * so drift or a burst of load elsewhere on a noisy machine hits both alike. Any failed request
 * fails the figure.
 */
export async function sideBySide(
  name: string,
  urls: { ours: string; baseline: string },
  atLeast: number,
  seconds: number,
  load: Load,
  details: Record<string, unknown> = {},
): Promise<Figure> {
  await load(urls.ours, 2);
  await load(urls.baseline, 2);
  const runs: { ours: number; baseline: number }[] = [];
  let errors = 0;
  for (let round = 0; round < 4; round++) {
    const order = round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    const run = { ours: 0, baseline: 0 };
    for (const side of order) {
      const result = await load(urls[side], seconds);
      run[side] = result.rps;
      errors += result.errors;
    }
    runs.push(run);
  }
  const mean = (side: 'ours' | 'baseline') => runs.reduce((s, r) => s + r[side], 0) / runs.length;
  const figure = ratioFigure(name, mean('ours'), mean('baseline'), { atLeast }, { ...details, runs, errors });
  if (errors > 0) figure.pass = false;
  return figure;
}
