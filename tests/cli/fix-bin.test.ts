// The `unblock` bin end to end, as a child process: argv parsing, exit status
// and real stdout/stderr. Uses the build when it has `fix`; otherwise runs the
// sources through tsx, so the test never depends on a stale dist/.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/lint.js';
import { FIXTURES, makeProject } from './fix-helpers.js';

const built = path.join(repoRoot, 'dist', 'cli', 'fix', 'command.js');
const command = existsSync(built)
  ? [path.join(repoRoot, 'dist', 'cli', 'bin.js')]
  : [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(repoRoot, 'cli', 'bin.ts')];

const root = makeProject({ 'src/read.mjs': FIXTURES['src/read.mjs']!, 'src/broken.js': FIXTURES['src/broken.js']! });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe(`the bin (${existsSync(built) ? 'built' : 'from source'})`, () => {
  it('fixes files, prints the summary on stderr and exits 1 for the unparsable file', async () => {
    const result = await promisify(execFile)(process.execPath, [...command, 'fix', 'src'], { cwd: root, encoding: 'utf8' }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('could not parse src/broken.js:2:');
    expect(result.stderr).toContain('1 file changed; 1 site fixed (fs 1); 0 sites left; 1 file could not be fixed');
    expect(readFileSync(path.join(root, 'src/read.mjs'), 'utf8')).toContain("return await readFile('config.json', 'utf8');");
    expect(readFileSync(path.join(root, 'src/broken.js'), 'utf8')).toBe(FIXTURES['src/broken.js']);
  }, 60_000);
});
