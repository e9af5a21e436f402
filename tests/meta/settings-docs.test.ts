import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, it } from 'vitest';

import { SETTINGS_SCHEMA } from '../../analysis/settings-schema.js';
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
