// TypeScript, typescript-eslint's parser and type utilities, and ts-morph are optional peer
// dependencies: a JavaScript project that only lints installs none of them. The built package
// runs here with all of them hidden (tests/fixtures/optional-peers/hide-peers.mjs): the plugin
// loads and lints JavaScript, `unblock list` works, and what does need them says what to install.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { missingPeer, MissingPeerError, OPTIONAL_PEERS, requirePeer } from '../../analysis/optional-peers.js';
import { repoRoot } from '../helpers/lint.js';

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'optional-peers');
const bin = path.join(repoRoot, 'dist', 'cli', 'bin.js');

/** Runs node with `hidden` (default: every optional peer) impossible to import or require. */
async function withoutPeers(args: readonly string[], hidden?: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, NO_COLOR: '1', ...(hidden ? { UNBLOCK_HIDE_PEERS: hidden.join(',') } : {}) };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', path.join(fixtures, 'hide-peers.mjs'), ...args], { cwd: fixtures, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('without the optional peer dependencies', () => {
  it('the plugin loads and lints JavaScript with configs.recommended', async () => {
    const run = await withoutPeers([path.join(fixtures, 'lint-javascript.mjs')]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([{ ruleId: 'unblock/no-blocking-in-async', line: 4, column: 10, fatal: false }]);
  });

  it('unblock list works', async () => {
    const run = await withoutPeers([bin, 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('unblock/no-blocking-in-async');
  });

  it.each([
    ['scan', ['scan', '.']],
    ['fix', ['fix', '--dry', '.']],
    ['trace', ['trace', '--', process.execPath, '-e', 'console.log("the traced command ran")']],
  ])('unblock %s stops with exit 2, before it starts, and says what to install', async (_command, args) => {
    const run = await withoutPeers([bin, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('unblock: reading source files (unblock scan, fix and trace, and the codemods) needs @typescript-eslint/parser, which is not installed; install it with `npm install --save-dev @typescript-eslint/parser typescript`\n');
  });

  it('unblock fix without ts-morph says so for its whole-program codemod, and runs the others when asked', async () => {
    const all = await withoutPeers([bin, 'fix', '--dry', '.'], ['ts-morph']);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('the sync-callers codemod (leave it out with --codemod async-api,busy-wait) needs ts-morph, which is not installed; install it with `npm install --save-dev ts-morph`');
    const perFile = await withoutPeers([bin, 'fix', '--dry', '--codemod', 'async-api,busy-wait', '.'], ['ts-morph']);
    expect(perFile.stderr).toContain('with async-api, busy-wait');
    expect(perFile.code).toBe(0);
  });
});

it('package.json declares exactly the peers the code loads as optional, and depends on none of them', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
  };
  const optional = Object.keys(manifest.peerDependenciesMeta).filter((name) => manifest.peerDependenciesMeta[name]?.optional === true);
  expect(optional.sort()).toEqual([...OPTIONAL_PEERS].sort());
  for (const name of OPTIONAL_PEERS) expect(manifest.peerDependencies[name], name).toBeDefined();
  // A dependency with a required TypeScript peer would make npm install TypeScript after all.
  expect(Object.keys(manifest.dependencies).filter((name) => OPTIONAL_PEERS.includes(name as never) || /^@typescript-eslint\/(?!types$)/.test(name))).toEqual([]);
});

describe('missingPeer', () => {
  const notFound = (message: string, code = 'MODULE_NOT_FOUND') => Object.assign(new Error(message), { code });

  it('names the package that is missing, and what to install for it', () => {
    const error = missingPeer(notFound("Cannot find module 'ts-morph'\nRequire stack: …"), 'ts-morph', 'the sync-callers codemod');
    expect(error).toBeInstanceOf(MissingPeerError);
    expect(error?.packageName).toBe('ts-morph');
    expect(error?.message).toBe('the sync-callers codemod needs ts-morph, which is not installed; install it with `npm install --save-dev ts-morph`');
  });

  it('names TypeScript when the parser is there but TypeScript is not', () => {
    const error = missingPeer(notFound("Cannot find module 'typescript'"), '@typescript-eslint/parser', 'reading files');
    expect(error?.packageName).toBe('typescript');
    expect(error?.message).toContain('needs typescript, which is not installed; install it with `npm install --save-dev typescript`');
  });

  it('reads ES module resolution errors too', () => {
    const error = missingPeer(notFound("Cannot find package 'ts-morph' imported from /x/transform.js", 'ERR_MODULE_NOT_FOUND'), 'ts-morph', 'the codemod');
    expect(error?.packageName).toBe('ts-morph');
  });

  it('leaves every other failure alone', () => {
    expect(missingPeer(new SyntaxError('Unexpected token'), 'typescript', 'typed linting')).toBeUndefined();
    expect(missingPeer(notFound("Cannot find module './lib/missing.js'"), 'ts-morph', 'the codemod')).toBeUndefined();
  });

  it('loads a peer that is installed, once', () => {
    const first = requirePeer<{ version: string }>('typescript', 'typed linting');
    expect(typeof first.version).toBe('string');
    expect(requirePeer('typescript', 'typed linting')).toBe(first);
  });
});
