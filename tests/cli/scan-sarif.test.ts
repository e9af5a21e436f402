// `unblock scan --format sarif`: a SARIF 2.1.0 log that code scanning accepts. No SARIF JSON
// schema is installed, so the fields the standard requires (and those GitHub relies on) are
// checked by hand.

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { rules } from '../../rules/all-rules.js';
import { VERSION } from '../../rules/version.js';
import { makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}
interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Location[];
  partialFingerprints: Record<string, string>;
}
interface Notification {
  level: string;
  message: { text: string };
  descriptor?: { id: string };
  locations?: Location[];
}
interface Run {
  tool: {
    driver: {
      name: string;
      version: string;
      informationUri: string;
      rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration?: { level: string } }>;
      notifications?: Array<{ id: string }>;
    };
  };
  originalUriBaseIds?: Record<string, { uri: string }>;
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Notification[] }>;
  columnKind?: string;
  results: Result[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: Run[];
}

const HANDLER = [
  "const express = require('express');",
  "const fs = require('fs');",
  'const app = express();',
  "app.get('/report', (req, res) => {",
  "  res.send(fs.readFileSync('/var/report.txt'));",
  '});',
  '',
].join('\n');

const ASYNC = ["import fs from 'node:fs';", '', 'export async function load() {', "  return fs.readFileSync('a') + fs.readFileSync('a');", '}', ''].join('\n');

async function sarif(root: string, ...args: string[]): Promise<{ code: number; log: SarifLog; stderr: string }> {
  const { code, stdout, stderr } = await run(['scan', '--format', 'sarif', ...args], root);
  return { code, log: JSON.parse(stdout) as SarifLog, stderr };
}

const isPositiveInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;

/** The properties SARIF 2.1.0 requires, and the ones GitHub code scanning needs, on every object. */
function expectValidSarif(log: SarifLog): void {
  expect(log.$schema).toMatch(/^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [only] = log.runs;
  const driver = only!.tool.driver;
  expect(typeof driver.name).toBe('string');
  for (const rule of driver.rules) {
    expect(typeof rule.id).toBe('string');
    expect(rule.shortDescription.text.length).toBeGreaterThan(0);
  }
  expect(new Set(driver.rules.map((rule) => rule.id)).size).toBe(driver.rules.length);
  expect(only!.invocations).toHaveLength(1);
  expect(typeof only!.invocations[0]!.executionSuccessful).toBe('boolean');
  const expectLocation = (location: Location) => {
    const { artifactLocation, region } = location.physicalLocation;
    expect(artifactLocation.uri).not.toContain('\\');
    expect(() => new URL(artifactLocation.uri, 'file:///root/')).not.toThrow();
    if (artifactLocation.uriBaseId !== undefined) expect(only!.originalUriBaseIds?.[artifactLocation.uriBaseId]?.uri).toMatch(/^file:\/\/.*\/$/);
    if (region) {
      expect(isPositiveInteger(region.startLine) && isPositiveInteger(region.startColumn)).toBe(true);
      if (region.endLine !== undefined) expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    }
  };
  for (const notification of only!.invocations[0]!.toolExecutionNotifications ?? []) {
    expect(notification.message.text.length).toBeGreaterThan(0);
    expect(['none', 'note', 'warning', 'error']).toContain(notification.level);
    if (notification.descriptor) expect(driver.notifications?.map((descriptor) => descriptor.id)).toContain(notification.descriptor.id);
    for (const location of notification.locations ?? []) expectLocation(location);
  }
  for (const result of only!.results) {
    expect(result.message.text.length).toBeGreaterThan(0);
    expect(driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(result.level).toBe('error');
    expect(result.locations).toHaveLength(1);
    expectLocation(result.locations[0]!);
    expect(result.locations[0]!.physicalLocation.region).toBeDefined();
    expect(Object.values(result.partialFingerprints).every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
  }
}

describe('unblock scan --format sarif', () => {
  it('describes the tool and every rule of the plugin', async () => {
    const root = project({ 'src/app.cjs': HANDLER });
    const { code, log } = await sarif(root);
    expect(code).toBe(1);
    expectValidSarif(log);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('unblock');
    expect(driver.version).toBe(VERSION);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((rule) => rule.id)).toEqual(Object.keys(rules).map((name) => `unblock/${name}`));
    for (const [index, [name, rule]] of Object.entries(rules).entries()) {
      expect(driver.rules[index]!.shortDescription.text, name).toBe(rule.meta.docs?.description);
      expect(driver.rules[index]!.helpUri, name).toBe(rule.meta.docs?.url);
      expect(driver.rules[index]!.helpUri.startsWith(driver.informationUri), name).toBe(true);
    }
  });

  it('reports each finding with its rule, message and a region relative to the working directory', async () => {
    const root = project({ 'src/app.cjs': HANDLER, 'src/lib/load.mjs': ASYNC });
    const { log } = await sarif(root);
    expectValidSarif(log);
    const results = log.runs[0]!.results;
    expect(results.map((result) => [result.ruleId, result.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['unblock/no-blocking-in-handler', 'src/app.cjs'],
      ['unblock/no-blocking-in-async', 'src/lib/load.mjs'],
      ['unblock/no-blocking-in-async', 'src/lib/load.mjs'],
    ]);
    const [handler] = results;
    expect(handler!.message.text).toContain('`fs.readFileSync` blocks the event loop in Express route handler `GET /report`');
    expect(handler!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/app.cjs', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 12, endLine: 5, endColumn: 46 },
    });
    expect(log.runs[0]!.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(pathToFileURL(`${root}${path.sep}`).href);
  });

  it('names files relative to the working directory even when given a subdirectory, and percent-encodes them', async () => {
    const root = project({ 'src/my routes/app.cjs': HANDLER });
    const { log } = await sarif(root, 'src/my routes');
    expect(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['src/my%20routes/app.cjs']);
  });

  it('gives two identical calls on one line different fingerprints', async () => {
    const root = project({ 'load.mjs': ASYNC });
    const { log } = await sarif(root);
    const fingerprints = log.runs[0]!.results.map((result) => JSON.stringify(result.partialFingerprints));
    expect(fingerprints).toHaveLength(2);
    expect(new Set(fingerprints).size).toBe(2);
  });

  it('keeps fingerprints when lines are added above the findings, and changes them when the line itself changes', async () => {
    const root = project({ 'src/app.cjs': HANDLER, 'src/load.mjs': ASYNC });
    const fingerprints = async () => (await sarif(root)).log.runs[0]!.results.map((result) => result.partialFingerprints);
    const before = await fingerprints();

    writeFileSync(path.join(root, 'src', 'app.cjs'), `// a header\n// of two lines\n\n${HANDLER}`);
    writeFileSync(path.join(root, 'src', 'load.mjs'), ASYNC.replace('export async', '// load\n\n\nexport async'));
    const after = await sarif(root);
    expect(after.log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region?.startLine).toBe(8);
    expect(after.log.runs[0]!.results.map((result) => result.partialFingerprints)).toEqual(before);

    writeFileSync(path.join(root, 'src', 'app.cjs'), HANDLER.replace("'/var/report.txt'", "'/var/other.txt'"));
    const changed = await fingerprints();
    expect(changed[0]).not.toEqual(before[0]);
    expect(changed.slice(1)).toEqual(before.slice(1));
  });

  it('turns parse errors and missing paths into notifications of the invocation, and the exit status still says so', async () => {
    const root = project({ 'src/clean.mjs': 'export const answer = 42;\n', 'src/broken.js': 'export async function load() {\n  const x = ;\n}\n' });
    const { code, log, stderr } = await sarif(root, 'src', 'nope');
    expect(code).toBe(2);
    expect(stderr).toContain('unblock: could not parse src/broken.js:2:');
    expectValidSarif(log);
    const invocation = log.runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    const notifications = invocation.toolExecutionNotifications ?? [];
    expect(notifications.map((notification) => [notification.level, notification.descriptor?.id])).toEqual([
      ['error', 'parse-error'],
      ['error', 'path-not-found'],
    ]);
    expect(notifications[0]!.message.text).toMatch(/^Could not parse the file: Parsing error/);
    expect(notifications[0]!.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/broken.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: expect.any(Number) as number },
    });
    expect(notifications[1]!.message.text).toBe('Path not found: nope');
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('still exits 1 for findings when another file does not parse', async () => {
    const root = project({ 'app.cjs': HANDLER, 'broken.js': 'const x = ;\n' });
    const { code, log } = await sarif(root);
    expect(code).toBe(1);
    expect(log.runs[0]!.results).toHaveLength(1);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
  });

  it('writes a valid, empty log for clean code', async () => {
    const root = project({ 'clean.mjs': 'export const answer = 42;\n' });
    const { code, log } = await sarif(root);
    expect(code).toBe(0);
    expectValidSarif(log);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations[0]).toMatchObject({ executionSuccessful: true, toolExecutionNotifications: [] });
  });
});
