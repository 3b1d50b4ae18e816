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
  /** The postgres:// URL a `pglite` child serves. */
  url?: string;
}

export function start(mode: 'api' | 'worker' | 'bare' | 'apollo' | 'pglite', ...args: string[]): Promise<Child> {
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
    child.once('message', (message: { port?: number; url?: string }) => resolve({ process: child, port: message.port, url: message.url }));
    child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
  });
}

export async function stop(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGTERM');
    setTimeout(() => child.process.kill('SIGKILL'), 10_000).unref();
  });
}

/** One burst of load at a server: its mean requests per second and the requests that failed. */
export type Load = (url: string, seconds: number) => Promise<{ rps: number; errors: number }>;

/** Rounds per side-by-side figure; its value is the median of the rounds' ratios. */
const ROUNDS = 5;

/**
 * Ours against the baseline: both warmed up, then short rounds with the order swapped every round,
 * so drift or a burst of load elsewhere on a noisy machine hits both alike. The figure is the
 * median of the per-round ratios (a burst of load elsewhere moves one round, not the median). Any
 * failed request fails the figure.
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
  const runs: { ours: number; baseline: number; ratio: number }[] = [];
  let errors = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    const run = { ours: 0, baseline: 0 };
    for (const side of order) {
      const result = await load(urls[side], seconds);
      run[side] = result.rps;
      errors += result.errors;
    }
    runs.push({ ...run, ratio: Number((run.ours / run.baseline).toFixed(3)) });
  }
  const middle = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)];
  const figure = ratioFigure(
    name,
    middle.ours,
    middle.baseline,
    { atLeast },
    { ...details, rounds: ROUNDS, median: 'of per-round ratios', runs, errors },
  );
  if (errors > 0) figure.pass = false;
  return figure;
}
