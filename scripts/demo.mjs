#!/usr/bin/env node
// `npm run demo`: the main job on the bundled example service. It scans
// examples/express-service with the recommended rules and explains the result.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = 'examples/express-service';
const bin = path.join(root, 'dist', 'codemods', 'cli', 'bin.js');

console.log(`$ unblock scan ${example}\n`);
const scan = spawnSync(process.execPath, [bin, 'scan', example], { cwd: root, stdio: 'inherit' });

if (scan.status === 1) {
  console.log(`
Each report above is a call that holds the event loop while a request is served:
every other request waits for it. The sync reads in src/config.js and src/seed.js, the
warm-up call in src/server.js and the listen callback run once at start-up, so they
are not reported.`);
  process.exit(0);
}
console.error(`\nunblock: the scan of ${example} ended with status ${scan.status}; expected findings (status 1).`);
process.exit(scan.status === 0 ? 1 : (scan.status ?? 1));
