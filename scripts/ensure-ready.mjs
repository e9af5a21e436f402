#!/usr/bin/env node
// Makes `npm test`, `npm run demo` and `npm run bench` work on a fresh clone:
// installs dependencies when node_modules is missing or older than the lockfile,
// and builds when dist/ is missing or older than the sources. Node built-ins only,
// because it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') newest = Math.max(newest, newestSource(path));
    } else if (/\.(?:ts|mts|cts)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

const installMarker = join(root, 'node_modules', '.package-lock.json');
if (mtime(installMarker) < mtime(join(root, 'package-lock.json'))) {
  console.log('unblock: installing dependencies (npm ci)…');
  run('npm ci');
}

const sourceDirs = ['analysis', 'rules', 'codemods', 'cli', join('runtime', 'src')].map((dir) => join(root, dir)).filter((dir) => existsSync(dir));
const sources = Math.max(...sourceDirs.map(newestSource));
const built = Math.min(mtime(join(root, 'dist', '.tsbuildinfo')), mtime(join(root, 'runtime', 'dist', 'index.js')));
if (built < sources) {
  console.log('unblock: building (npm run build)…');
  run('npm run build');
}
