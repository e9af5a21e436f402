// The README's "Before it is published" route, followed on a fresh project: the bin run by its
// path from this clone scans the project, and @unblock/runtime packed from the clone installs
// (offline) and works there. `npm link` itself is not run, since it changes the machine's global
// prefix: the test checks that the bin it would link is the one the README runs by path.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/lint.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const section = readme.split('### Before it is published')[1]?.split('\n## ')[0] ?? '';
const bin = path.join(repoRoot, 'dist', 'cli', 'bin.js');
const work = mkdtempSync(path.join(tmpdir(), 'unblock-clone-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = path.join(work, 'service');
mkdirSync(path.join(project, 'src'), { recursive: true });
writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'service', private: true, type: 'module' }));
writeFileSync(path.join(project, 'src', 'app.mjs'), "import fs from 'node:fs';\nexport async function load() {\n  return fs.readFileSync('config.json', 'utf8');\n}\n");

describe.skipIf(!existsSync(bin))('running unblock from a clone, as the README says', () => {
  it('documents npm link and the bin by its path, which is the bin npm link installs', () => {
    expect(section).toContain('npm link');
    expect(section).toContain('node ~/unblock/dist/cli/bin.js');
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(path.resolve(repoRoot, manifest.bin.unblock!)).toBe(bin);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('scans a project with the bin run by its path', () => {
    const result = spawnSync(process.execPath, [bin, 'scan', 'src'], { cwd: project, encoding: 'utf8' });
    expect(result.stdout).toMatch(/3:10\s+error\s+`fs\.readFileSync` blocks the event loop/);
    expect(result.status).toBe(1);
  });

  it('installs @unblock/runtime from a tarball of the clone, offline, and the project can use it', () => {
    const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: path.join(repoRoot, 'runtime'), encoding: 'utf8' }).trim().split('\n').at(-1)!;
    // The README names the file `npm pack` writes.
    expect(section).toContain(packed);
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed)], { cwd: project, stdio: 'ignore' });
    const installed = path.join(project, 'node_modules', '@unblock', 'runtime');
    // Copied, as from the registry: the project does not depend on the clone staying where it is.
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    writeFileSync(path.join(project, 'src', 'use-runtime.mjs'), "import { offload } from '@unblock/runtime';\nconsole.log(await offload((a, b) => a + b, 2, 3));\n");
    const sum = execFileSync(process.execPath, ['src/use-runtime.mjs'], { cwd: project, encoding: 'utf8' });
    expect(sum.trim()).toBe('5');
  });
});
