// The CI-sized run of bench/scale: a generated 2,000-file service, scanned and fixed with --dry
// once each by the built CLI, through the bench's own measuring script. Memory is asserted (a
// ceiling on peak RSS), time never is: the machines are shared. The findings must be exactly the
// blocking calls the generator planted where a handler reaches them (planted.json), which checks
// the CLI on a big tree and also that the generated tree is realistic enough to mean something.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot, runNode } from '../runtime/helpers/node.js';

const FILES = 2000;
const MiB = 1;
/** Peak RSS ceilings (MiB): fix --dry needed about 1.16 GiB for these 2,000 files when this was written, scan about 350 MiB. */
const FIX_CEILING = 1536 * MiB;
const SCAN_CEILING = 1024 * MiB;
/** A hang guard for each child, not a performance assertion. */
const HANG = 600_000;

interface Site {
  readonly file: string;
  readonly line: number;
  readonly api: string;
  readonly kind: string;
  readonly expected: boolean;
}
interface Measured {
  readonly status: number;
  readonly seconds: number;
  readonly rssMiB: number;
}
interface Finding {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const bin = path.join(repoRoot, 'dist', 'cli', 'bin.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'unblock-scale-test-'));
const tree = path.join(work, 'tree');
let sites: Site[] = [];

/** Runs the CLI on the tree through bench/scale/measure.mjs; stdout goes to `stdout`. */
async function measured(args: readonly string[], stdout: string): Promise<Measured> {
  const run = await runNode([path.join(repoRoot, 'bench/scale/measure.mjs'), '--cwd', tree, '--stdout', stdout, '--', bin, ...args], { timeoutMs: HANG });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Measured;
}

/**
 * Whether a finding is about `site`: it sits on the site's line, or its chain message names the
 * line, as `(line 12)` in the same file or `(line 12 of ../lib/store.js)` from another.
 */
function names(finding: Finding, site: Site): boolean {
  if (finding.file === site.file && finding.line === site.line) return true;
  if (finding.file === site.file && finding.message.includes(`(line ${site.line})`)) return true;
  const across = /\(line (\d+) of ([^)]+)\)/.exec(finding.message);
  return across !== null && Number(across[1]) === site.line && path.posix.join(path.posix.dirname(finding.file), across[2]!) === site.file;
}

beforeAll(async () => {
  const run = await runNode([path.join(repoRoot, 'bench/scale/generate.mjs'), '--files', String(FILES), '--out', tree], { timeoutMs: HANG });
  expect(run.code, run.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(tree, 'planted.json'), 'utf8')) as { files: number; sites: Site[] };
  expect(manifest.files).toBe(FILES);
  sites = manifest.sites;
}, HANG);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`bench/scale on a generated ${FILES}-file service`, () => {
  it('plants blocking calls in about 1% of the files, of every kind and API, and harmless start-up ones', () => {
    const reached = sites.filter((site) => site.expected);
    expect(reached.length).toBeGreaterThanOrEqual(FILES / 100 - 2);
    expect(new Set(reached.map((site) => site.kind))).toEqual(new Set(['chain-route', 'chain-service', 'handler', 'async-service', 'same-file', 'chain-route-cjs']));
    expect(new Set(reached.map((site) => site.api))).toEqual(new Set(['fs.readFileSync', 'child_process.execSync', 'crypto.pbkdf2Sync', 'zlib.gzipSync']));
    expect(sites.filter((site) => !site.expected).length).toBeGreaterThan(0);
  });

  it('scan reports every planted call a handler reaches and nothing else, under its memory ceiling', async () => {
    const output = path.join(work, 'scan.json');
    const run = await measured(['scan', '--format', 'json', '.'], output);
    // 1: blocking calls were found, as planted.
    expect(run.status).toBe(1);
    expect(run.rssMiB).toBeLessThan(SCAN_CEILING);

    const report = JSON.parse(readFileSync(output, 'utf8')) as Array<{ filePath: string; messages: Array<{ line: number; message: string; ruleId: string | null }> }>;
    expect(report.length).toBe(FILES);
    const findings: Finding[] = report.flatMap(({ filePath, messages }) =>
      messages.map(({ line, message }) => ({ file: path.relative(tree, filePath).split(path.sep).join('/'), line, message })),
    );
    const unplanted = findings.filter((finding) => !sites.some((site) => site.expected && names(finding, site)));
    expect(unplanted).toEqual([]);
    const missed = sites.filter((site) => site.expected && !findings.some((finding) => names(finding, site)));
    expect(missed).toEqual([]);
    const startUp = sites.filter((site) => !site.expected && findings.some((finding) => names(finding, site)));
    expect(startUp).toEqual([]);
  }, HANG);

  it('fix --dry rewrites only code behind the planted calls, under its memory ceiling', async () => {
    const output = path.join(work, 'fix.json');
    const run = await measured(['fix', '--dry', '--json', output, '.'], path.join(work, 'fix.diff'));
    expect(run.status).toBe(0);
    expect(run.rssMiB).toBeLessThan(FIX_CEILING);

    const report = JSON.parse(readFileSync(output, 'utf8')) as { summary: { filesChecked: number; sitesFixed: number; errors: number }; files: Array<{ file: string; changed: boolean }> };
    expect(report.summary.filesChecked).toBe(FILES);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.sitesFixed).toBeGreaterThan(0);
    // A planted call's area (routes/, services/, lib/ of one feature; the CommonJS part as a whole)
    // is where its callers are made async; start-up code and other areas stay as they are.
    const area = (file: string): string => (file.startsWith('src/legacy/') ? 'src/legacy' : path.posix.dirname(path.posix.dirname(file)));
    const planted = new Set(sites.filter((site) => site.expected).map((site) => area(site.file)));
    const changed = report.files.filter((file) => file.changed).map((file) => file.file);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((file) => !planted.has(area(file)))).toEqual([]);
    expect(changed.filter((file) => sites.some((site) => !site.expected && site.file === file))).toEqual([]);
  }, HANG);
});
