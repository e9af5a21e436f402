// Both packages as a user gets them from the registry: packed with `npm pack` from a copy of the
// sources without any build output (so `prepack` must build them), installed into fresh
// projects with `npm install` (the registry supplies their dependencies), and used as the
// README says. `npm run test:consumer` runs it; CI runs it after `npm test`.
//
// - A TypeScript service (ESLint 10, TypeScript 5.9): the README's configs as written, both
//   `recommended` and `recommended-type-checked`, find its blocking calls; an eslint.config.ts
//   with `defineConfig` and `extends` type-checks; `unblock fix` rewrites it; both configs then
//   find nothing, and the fixed service answers as the original did.
// - A JavaScript project (ESLint 9) that only lints: no TypeScript installed, and an
//   eslint.config.cjs that `require`s the plugin.

import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readMarkdown } from '../helpers/markdown.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const workspace = mkdtempSync(path.join(tmpdir(), 'unblock-consumer-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, [...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

async function succeed(command: string, args: readonly string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The sources as a fresh clone has them: what git tracks or would, and no build output. */
function copySources(into: string): void {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\n');
  const wanted = /^(?:package(?:-lock)?\.json|tsconfig\.(?:base|build)\.json|README\.md|LICENSE|(?:analysis|rules|codemods|cli|docs)\/.*|runtime\/(?:src\/.*|package\.json|tsconfig\.json|README\.md|LICENSE))$/;
  for (const file of listed.filter((name) => wanted.test(name) && existsSync(path.join(repoRoot, name)))) {
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(into, file));
  }
  // The build's own tools (tsc, @types/node), as `npm ci` would have installed them.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(into, 'node_modules'), 'junction');
}

/** `npm pack` in `directory`, which runs its `prepack`; the tarball's path. */
async function pack(directory: string, destination: string): Promise<string> {
  const [result] = JSON.parse(await succeed('npm', ['pack', '--json', '--pack-destination', destination], directory)) as Array<{ filename: string }>;
  return path.join(destination, result!.filename);
}

function writeTree(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

/** Bytes under a directory, following no links. */
function sizeOf(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

const readme = readMarkdown(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
const readmeConfig = (files: string): string => {
  const block = readme.blocks.find((candidate) => candidate.language === 'js' && candidate.code.startsWith('// eslint.config.js') && candidate.code.includes(`files: ['${files}']`));
  if (!block) throw new Error(`README.md has no eslint.config.js for ${files}`);
  return block.code;
};

const app = path.join(workspace, 'app');
const jsOnly = path.join(workspace, 'js-only');
let tarballs: { unblock: string; runtime: string };

beforeAll(async () => {
  const sources = path.join(workspace, 'sources');
  const packed = path.join(workspace, 'packed');
  mkdirSync(packed);
  copySources(sources);
  tarballs = { unblock: await pack(sources, packed), runtime: await pack(path.join(sources, 'runtime'), packed) };

  writeTree(path.join(fixtures, 'app'), app);
  writeFileSync(path.join(app, 'eslint.config.js'), readmeConfig('src/**/*.{js,ts}'));
  writeFileSync(path.join(app, 'eslint.typed.config.js'), readmeConfig('src/**/*.ts'));
  writeFileSync(
    path.join(app, 'package.json'),
    `${JSON.stringify(
      {
        // What `npm init -y` writes: a `main` that does not exist.
        name: 'consumer-app',
        version: '1.0.0',
        main: 'index.js',
        type: 'module',
        dependencies: { '@unblock/runtime': `file:${tarballs.runtime}` },
        devDependencies: {
          unblock: `file:${tarballs.unblock}`,
          eslint: '^10.0.0',
          typescript: '~5.9.0',
          'typescript-eslint': '^8.0.0',
          '@typescript-eslint/parser': '^8.0.0',
          'ts-morph': '^28.0.0',
          '@types/node': '^20.19.0',
        },
      },
      null,
      2,
    )}\n`,
  );
  writeTree(path.join(fixtures, 'js-only'), jsOnly);
  writeFileSync(path.join(jsOnly, 'package.json'), `${JSON.stringify({ name: 'js-only', version: '1.0.0', devDependencies: { unblock: `file:${tarballs.unblock}`, eslint: '^9.0.0' } }, null, 2)}\n`);
  await Promise.all([app, jsOnly].map((project) => succeed('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], project)));
}, 600_000);

const bin = (project: string, name: string) => path.join(project, 'node_modules', '.bin', name);

/** `eslint --format json` with a config, as `file:line ruleId` lines, relative to the project. */
async function lint(project: string, config: string): Promise<{ code: number; findings: string[] }> {
  const result = await run(bin(project, 'eslint'), ['--config', config, '--format', 'json', 'src'], project);
  if (result.code === 2) throw new Error(`eslint --config ${config} failed\n${result.stderr}`);
  const files = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ line: number; ruleId: string | null; message: string }> }>;
  const findings = files.flatMap((file) => file.messages.map((message) => `${path.relative(project, file.filePath)}:${message.line} ${message.ruleId ?? message.message}`));
  return { code: result.code, findings: findings.sort() };
}

describe('a TypeScript service, from the packed tarballs', () => {
  let before: string;

  it('builds and runs as written', async () => {
    await succeed(bin(app, 'tsc'), ['-p', 'tsconfig.json'], app);
    before = await succeed(process.execPath, ['dist/main.js'], app);
    expect(before).toContain('/login?password=admin 200 {"ok":true}');
  }, 60_000);

  // Both configs follow helpers into the service's other modules; type information is not needed for it.
  it("finds its blocking calls, in helpers of other modules too, with the README's recommended config", async () => {
    expect(await lint(app, 'eslint.config.js')).toEqual({
      code: 1,
      findings: ['src/routes.ts:12 unblock/no-transitive-blocking', 'src/routes.ts:16 unblock/no-blocking-in-async', 'src/routes.ts:8 unblock/no-transitive-blocking'],
    });
  }, 60_000);

  it('finds the same with recommended-type-checked', async () => {
    expect(await lint(app, 'eslint.typed.config.js')).toEqual({
      code: 1,
      findings: ['src/routes.ts:12 unblock/no-transitive-blocking', 'src/routes.ts:16 unblock/no-blocking-in-async', 'src/routes.ts:8 unblock/no-transitive-blocking'],
    });
  }, 60_000);

  it('type-checks an eslint.config.ts with defineConfig and extends', async () => {
    expect(await run(bin(app, 'tsc'), ['-p', 'tsconfig.eslint.json'], app)).toMatchObject({ code: 0, stdout: '' });
  }, 60_000);

  it('is fixed by unblock fix: a worker for the helper start-up also calls, async for the rest', async () => {
    const fixed = await run(bin(app, 'unblock'), ['fix', '--force', 'src'], app);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toMatch(/3 sites fixed/);
    const routes = readFileSync(path.join(app, 'src', 'routes.ts'), 'utf8');
    expect(routes).toContain("import { workerModule } from '@unblock/runtime';");
    expect(routes).toContain("workerModule<typeof import('./lib/crypto-helpers.js')>(new URL('./lib/crypto-helpers.js', import.meta.url))");
    // Only async code calls it, and package.json's `main` names no file: it becomes async.
    expect(readFileSync(path.join(app, 'src', 'lib', 'templates.ts'), 'utf8')).toContain('export async function renderTemplate');
  }, 120_000);

  it('then lints clean with both configs', async () => {
    expect(await lint(app, 'eslint.config.js')).toEqual({ code: 0, findings: [] });
    expect(await lint(app, 'eslint.typed.config.js')).toEqual({ code: 0, findings: [] });
  }, 60_000);

  it('then builds and answers as before', async () => {
    await succeed(bin(app, 'tsc'), ['-p', 'tsconfig.json'], app);
    expect(await succeed(process.execPath, ['dist/main.js'], app)).toBe(before);
  }, 60_000);

  /** Runs a module written into the project, as the project's own code; its stdout, trimmed. */
  async function runModule(name: string, lines: readonly string[]): Promise<string> {
    writeFileSync(path.join(app, name), `${lines.join('\n')}\n`);
    return (await succeed(process.execPath, [name], app)).trim();
  }

  it('resolves the documented entry points: the codemods, the settings schema, the jscodeshift transforms', async () => {
    const printed = await runModule('entry-points.mjs', [
      "import { syncCallers } from 'unblock/codemods/sync-callers';",
      "import { SETTINGS_SCHEMA } from 'unblock/settings-schema';",
      "const jscodeshift = await import(new URL('./node_modules/unblock/dist/codemods/async-api/transform.js', import.meta.url).href);",
      'console.log(typeof syncCallers.transformProgram, typeof SETTINGS_SCHEMA, typeof jscodeshift.default);',
    ]);
    expect(printed).toBe('function object function');
  }, 60_000);

  it("lets an offloaded function import the project's packages, not its files", async () => {
    const printed = await runModule('offload-import.mjs', [
      "import { offload } from '@unblock/runtime';",
      "const found = await offload(async () => typeof (await import('picocolors')).default.bold);",
      "const missing = await offload(async () => import('./src/routes.ts')).catch((error) => error.code);",
      'console.log(found, missing);',
    ]);
    expect(printed).toBe('function ERR_MODULE_NOT_FOUND');
  }, 60_000);
});

describe('a JavaScript project that only lints, from the packed tarball', () => {
  it('installs no TypeScript, typescript-eslint or ts-morph', () => {
    const installed = (name: string) => existsSync(path.join(jsOnly, 'node_modules', name));
    for (const name of ['typescript', 'ts-morph', '@typescript-eslint/utils', '@typescript-eslint/parser', '@typescript-eslint/typescript-estree', '@typescript-eslint/type-utils']) {
      expect(installed(name), name).toBe(false);
    }
    // For docs/performance.md: the install's size, on this run's registry versions.
    console.log(`js-only consumer: node_modules ${(sizeOf(path.join(jsOnly, 'node_modules')) / 1e6).toFixed(1)} MB`);
  });

  it('lints with an eslint.config.cjs that requires the plugin', async () => {
    const result = await run(bin(jsOnly, 'eslint'), ['--format', 'json', 'src'], jsOnly);
    const files = JSON.parse(result.stdout) as Array<{ messages: Array<{ line: number; ruleId: string | null }> }>;
    expect(files.flatMap((file) => file.messages.map((message) => `${message.line} ${message.ruleId}`))).toEqual(['4 unblock/no-blocking-in-async']);
    expect(result.code).toBe(1);
  }, 60_000);

  it('says what to install when the command needs TypeScript', async () => {
    const result = await run(bin(jsOnly, 'unblock'), ['scan', 'src'], jsOnly);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm install --save-dev @typescript-eslint/parser typescript');
  }, 60_000);
});
