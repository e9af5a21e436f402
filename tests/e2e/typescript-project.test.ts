// A small TypeScript service through `unblock fix`: the rewrite must type-check as well as the
// original did (no new `tsc --noEmit` errors), leave start-up code alone, and leave nothing the
// codemods claim to handle for `unblock scan` to find.

import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../cli/main.js';
import { scan } from '../../cli/scan/scan.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(import.meta.dirname, 'fixtures/ts-service');
const workspace = mkdtempSync(path.join(tmpdir(), 'unblock-ts-project-'));
const project = path.join(workspace, 'ts-service');

/** `tsc --noEmit -p <dir>`, as diagnostics text: one line per error. */
function typeErrors(dir: string): string[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(dir, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const output: string[] = [];
let exitCode: number;
let errorsBefore: string[];

beforeAll(async () => {
  cpSync(fixture, project, { recursive: true });
  // fastify's and node's types come from the repository's install.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'junction');
  errorsBefore = typeErrors(project);
  exitCode = await main(['fix', '--force', 'src'], { cwd: project, stdout: (text) => output.push(text), stderr: (text) => output.push(text) });
}, 120_000);

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('unblock fix on a TypeScript project', () => {
  it('starts from a project that type-checks', () => {
    expect(errorsBefore).toEqual([]);
  });

  it('rewrites the handlers and exits 0', () => {
    expect(exitCode, output.join('')).toBe(0);
    const app = readFileSync(path.join(project, 'src/app.ts'), 'utf8');
    expect(app).not.toBe(readFileSync(path.join(fixture, 'src/app.ts'), 'utf8'));
    expect(app).toContain('node:fs/promises');
    expect(app).not.toMatch(/\b(readFileSync|statSync|existsSync|pbkdf2Sync|gzipSync|execFileSync)\(/);
  });

  it('adds no type errors', () => {
    expect(typeErrors(project)).toEqual(errorsBefore);
  });

  it('leaves start-up code byte for byte', () => {
    expect(readFileSync(path.join(project, 'src/main.ts'), 'utf8')).toBe(readFileSync(path.join(fixture, 'src/main.ts'), 'utf8'));
  });

  it('leaves nothing for unblock scan to report', async () => {
    const report = await scan({ paths: ['src'], cwd: project });
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${path.relative(project, result.filePath)}:${message.line} ${message.message}`));
    expect(messages).toEqual([]);
  });
});
