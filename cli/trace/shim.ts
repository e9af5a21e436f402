// A preload for traced processes that routes fs fast paths back through the calls
// `--trace-sync-io` sees.
//
// Since Node 20.5, `readFileSync(file, 'utf8')` reads in one native call that prints no
// warning, `existsSync` too, and later versions add one for `writeFileSync` of a string.
// Those are among the most common blocking calls in handlers, so the preload replaces them with
// equivalents built on traced calls: read a Buffer and decode it, `accessSync`, write a Buffer.
// Results and errors are the same; only the speed of these calls changes while tracing.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SHIM_SOURCE = `'use strict';
// Written by \`unblock trace\`; see docs/trace.md.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const encodingOf = (options) => (typeof options === 'string' ? options : options !== null && typeof options === 'object' ? options.encoding : undefined);
const originalReadFileSync = fs.readFileSync;
fs.readFileSync = function readFileSync(file, options) {
  const encoding = encodingOf(options);
  if (typeof encoding !== 'string' || !Buffer.isEncoding(encoding)) return originalReadFileSync.apply(this, arguments);
  const flag = typeof options === 'object' ? options.flag : undefined;
  return originalReadFileSync.call(this, file, flag === undefined ? undefined : { flag }).toString(encoding);
};
for (const name of ['writeFileSync', 'appendFileSync']) {
  const original = fs[name];
  const wrapper = {
    [name](file, data, options) {
      if (typeof data !== 'string') return original.apply(this, arguments);
      const encoding = encodingOf(options);
      const bytes = Buffer.from(data, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
      return original.call(this, file, bytes, options);
    },
  };
  fs[name] = wrapper[name];
}
fs.existsSync = function existsSync(file) {
  try {
    fs.accessSync(file, fs.constants.F_OK);
    return true;
  } catch {
    return false;
  }
};
syncBuiltinESMExports();
`;

export interface WrittenShim {
  readonly path: string;
  readonly dispose: () => Promise<void>;
}

/** Writes the preload to a fresh temp directory; `dispose` removes it. */
export async function writeShim(): Promise<WrittenShim> {
  const dir = await mkdtemp(path.join(tmpdir(), 'unblock-trace-'));
  const file = path.join(dir, 'unblock-trace-shim.cjs');
  await writeFile(file, SHIM_SOURCE);
  return { path: file, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** NODE_OPTIONS for the traced process: the caller's, then ours (quoted, so paths may hold spaces). */
export function traceNodeOptions(existing: string | undefined, shimPath: string | undefined): string {
  const ours = ['--trace-sync-io'];
  if (shimPath !== undefined) ours.push(`--require "${shimPath.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  return [existing?.trim(), ...ours].filter((part) => part !== undefined && part !== '').join(' ');
}
