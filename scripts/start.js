#!/usr/bin/env node
// `npm start` on a fresh clone: install if needed, build if the sources changed, then run the
// launcher (embedded PostgreSQL, Redis, migrations, demo data, api + worker).
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const { existsSync, statSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args, what) {
  process.stdout.write(`[mangfold] ${what}…\n`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`[mangfold] ${what} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs) {
  run(['ci', '--no-audit', '--no-fund'], 'installing dependencies');
}

const stamp = join(root, 'dist', '.build-stamp');
const sources = Math.max(
  ...['apps', 'libs', 'prisma-free-db'].map((d) => newest(join(root, d))),
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources) {
  run(['run', 'build', '--silent'], 'building');
  writeFileSync(stamp, new Date().toISOString());
}

// The project pins its Node (devDependencies): on a fresh clone this script may have been started by
// whatever `node` the shell found first, so the launcher (whose execPath the api and the worker
// inherit) runs on the pinned one as soon as it is installed.
const pinned = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
const node = existsSync(pinned) ? pinned : process.execPath;
const launcher = spawn(node, [join(root, 'dist', 'apps', 'launcher', 'src', 'main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => launcher.kill(signal));
launcher.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
