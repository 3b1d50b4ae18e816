import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { printFigure, saveFigures, type Benchmark, type Figure } from './harness';

/*
 * `npm run bench [-- group ...]`: runs every `bench/*.bench.ts` (or the named groups), prints one
 * line per figure, `name: value (goal)`, and writes bench/results.json. Data is built on the fly in
 * a scratch database; baselines are measured side by side in the same run.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(__dirname, file)) as { benchmark: Benchmark };
    benchmarks.push(mod.benchmark);
  }
  const selected = wanted.length ? benchmarks.filter((b) => wanted.includes(b.group)) : benchmarks;
  const unknown = wanted.filter((w) => !benchmarks.some((b) => b.group === w));
  if (unknown.length)
    throw new Error(`unknown benchmark group(s): ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.group).join(', ')}`);
  const figures: Figure[] = [];
  for (const b of selected) {
    process.stdout.write(`# ${b.group}\n`);
    const started = Date.now();
    const results = await b.run();
    results.forEach(printFigure);
    figures.push(...results);
    process.stdout.write(`# ${b.group} took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  saveFigures(figures);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
