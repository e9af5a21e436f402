// Steps 1 and 2: `unblock scan` on the example, and `unblock fix --force` on a copy of it. They
// run side by side (each is mostly start-up and parsing) and their output is shown in turn.
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { createTwoFilesPatch, diffLines } from 'diff';

import { exited, spawnNode } from './processes.mjs';

/** Runs the unblock CLI; resolves with its exit code and everything it printed, in order. */
export async function runCli(bin, args, cwd, lifetimeMs = 120_000) {
  const child = spawnNode(bin, args, { cwd, lifetimeMs });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  return { status: await exited(child), output };
}

/** Copies the service's sources (not its data or node_modules) and links the repository's install. */
export function copyService(from, to, nodeModules) {
  cpSync(from, to, { recursive: true, filter: (source) => !/[\\/](?:node_modules|data)$/.test(source) });
  symlinkSync(nodeModules, path.join(to, 'node_modules'), 'dir');
}

/**
 * `unblock fix --force --json` in `root`: its JSON report, and its summary for people. Status 1
 * (a file could not be fixed; the others were) is shown, not fatal: the fixed copy still runs.
 */
export async function runFix(bin, root, jsonFile) {
  const args = ['fix', '--force', '--json', jsonFile, 'src'];
  const { status, output } = await runCli(bin, args, root);
  if ((status !== 0 && status !== 1) || !existsSync(jsonFile)) throw new Error(`unblock ${args.join(' ')} ended with status ${status}:\n${output}`);
  return { report: JSON.parse(readFileSync(jsonFile, 'utf8')), output };
}

/** Per changed file: lines added and removed, the sites fixed, and the unified diff. */
export function describeChanges(originalRoot, fixedRoot, report) {
  return report.files
    .filter((entry) => entry.changed)
    .map((entry) => {
      const original = path.join(originalRoot, entry.file);
      const before = existsSync(original) ? readFileSync(original, 'utf8') : '';
      const after = readFileSync(path.join(fixedRoot, entry.file), 'utf8');
      let added = 0;
      let removed = 0;
      for (const part of diffLines(before, after)) {
        if (part.added) added += part.count ?? 0;
        if (part.removed) removed += part.count ?? 0;
      }
      const patch = createTwoFilesPatch(`a/${entry.file}`, `b/${entry.file}`, before, after, undefined, undefined, { context: 2 });
      return { file: entry.file, added, removed, fixed: entry.fixed.map((site) => site.api), patch };
    });
}
