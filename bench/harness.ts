import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';

/** One figure of BENCHMARKS.md: a ratio against a baseline measured in the same run, or a count. */
export interface Figure {
  /** The id of the BENCHMARKS.md row, e.g. "feed-serve". */
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "≥ 0.85". */
  goal: string;
  pass: boolean;
  /** The raw measurements behind the figure (ours, the baseline, sample sizes). */
  details?: Record<string, unknown>;
}

export interface Benchmark {
  /** The group name used on the command line: `npm run bench -- feeds`. */
  group: string;
  run(): Promise<Figure[]>;
}

export function ratioFigure(
  name: string,
  ours: number,
  baseline: number,
  goal: { atLeast?: number; atMost?: number },
  details: Record<string, unknown> = {},
): Figure {
  const value = ours / baseline;
  const pass = (goal.atLeast === undefined || value >= goal.atLeast) && (goal.atMost === undefined || value <= goal.atMost);
  const text = goal.atLeast !== undefined ? `≥ ${goal.atLeast}` : `≤ ${goal.atMost}`;
  return { name, value: Number(value.toFixed(3)), unit: 'ratio', goal: text, pass, details: { ours, baseline, ...details } };
}

export function printFigure(f: Figure): void {
  process.stdout.write(`${f.name}: ${f.value}${f.unit === 'ratio' ? '' : ` ${f.unit}`} (${f.goal}) ${f.pass ? 'met' : 'MISSED'}\n`);
}

/** Merges this run's figures into bench/results.json, keyed by figure name, with the machine they came from. */
export function saveFigures(figures: Figure[]): void {
  const file = join(__dirname, 'results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { figures?: Record<string, Figure> }) : {};
  const merged = { ...(previous.figures ?? {}) };
  for (const f of figures) merged[f.name] = f;
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, JSON.stringify({ updatedAt: new Date().toISOString(), machine, figures: merged }, null, 2) + '\n');
}
