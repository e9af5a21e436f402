import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { SETTINGS_SCHEMA } from '../../analysis/settings-schema.js';
import plugin from '../../rules/index.js';
import { repoRoot } from '../helpers/lint.js';

/** Every property name in the schema, with its description. */
function properties(schema: unknown, found = new Map<string, string | undefined>()): Map<string, string | undefined> {
  if (!schema || typeof schema !== 'object') return found;
  const node = schema as Record<string, unknown>;
  for (const [name, value] of Object.entries((node.properties as Record<string, { description?: string }> | undefined) ?? {})) {
    found.set(name, value.description);
  }
  for (const key of ['items', 'if', 'then', 'else', 'properties']) {
    const child = node[key];
    if (key === 'properties') for (const value of Object.values((child as Record<string, unknown>) ?? {})) properties(value, found);
    else properties(child, found);
  }
  return found;
}

it('describes every settings key in the schema and in docs/settings.md', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs', 'settings.md'), 'utf8');
  const keys = properties(SETTINGS_SCHEMA);
  expect([...keys.keys()]).toEqual(expect.arrayContaining(['blockingApis', 'offloadWrappers', 'handlers', 'module', 'path', 'decorators', 'exports']));
  for (const [key, description] of keys) {
    if (key === 'from') continue; // part of typescript-eslint's TypeOrValueSpecifier, documented there
    expect(description, `schema description of ${key}`).toBeTruthy();
    expect(docs, `docs/settings.md mentions ${key}`).toContain(`\`${key}\``);
  }
});

describe("docs/settings.md's type entries", () => {
  const docs = readFileSync(path.join(repoRoot, 'docs', 'settings.md'), 'utf8');
  // The example for a class of your own, as the docs write it.
  const written = /`(\{ type: \{ from: 'file'[^`]*\})`/.exec(docs)?.[1];
  const project = mkdtempSync(path.join(tmpdir(), 'unblock-settings-docs-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('say that, with type information, an entry reports calls on any value of the type, as it does', () => {
    expect(docs).not.toMatch(/not released|do not report anything/);
    expect(docs).toMatch(/with `configs\['recommended-type-checked'\]` \(or the rules' `typeAware`\s+option\), a call of one of those methods is reported/);
    expect(written).toBeDefined();
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the docs' object literal, read as the docs write it
    const entry = (new Function(`return (${written});`) as () => Record<string, unknown>)();
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', noEmit: true }, include: ['src'] }));
    writeFileSync(path.join(project, 'src', 'db.ts'), 'export class LegacyClient {\n  querySync(sql: string): unknown[] {\n    return [sql];\n  }\n}\n');
    const report = "import type { LegacyClient } from './db.js';\nexport async function report(client: LegacyClient) {\n  return client.querySync('select 1');\n}\n";
    writeFileSync(path.join(project, 'src', 'report.ts'), report);
    const linter = new Linter({ configType: 'flat', cwd: project });
    const messages = linter.verify(
      report,
      [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: project } } },
        { files: ['**/*.ts'], ...plugin.configs['recommended-type-checked'], settings: { unblock: { blockingApis: [entry] } } },
      ],
      path.join(project, 'src', 'report.ts'),
    );
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`)).toEqual(['3:10 unblock/no-blocking-in-async']);
  }, 60_000);
});
