import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { DOCS_BASE_URL } from '../../rules/util/create-rule.js';
import { repoRoot } from '../helpers/lint.js';

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  type: string;
  exports: Record<string, Record<string, string>>;
  bin: Record<string, string>;
  engines: { node: string };
  peerDependencies: Record<string, string>;
};
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const ruleNames = Object.keys(plugin.rules) as Array<keyof typeof plugin.rules>;

describe('the plugin object', () => {
  it('names itself and carries the package version', () => {
    expect(plugin.meta).toEqual({ name: 'unblock', version: packageJson.version });
  });

  it('offers recommended and all flat configs that include the plugin', () => {
    for (const config of [plugin.configs.recommended, plugin.configs.all]) {
      expect(config.plugins?.unblock).toBe(plugin);
      expect(config.name).toMatch(/^unblock\//);
    }
  });
});

describe('the built entry point', () => {
  it("is the plugin itself through require('unblock'), as an eslint.config.cjs reads it", () => {
    // The package's own name resolves through its exports map to dist/, which npm test builds first.
    const required = createRequire(import.meta.url)('unblock') as typeof plugin;
    expect(required.meta).toEqual({ name: 'unblock', version: packageJson.version });
    expect(Object.keys(required.configs)).toEqual(['recommended', 'recommended-type-checked', 'all']);
    expect(required.configs.recommended.plugins?.unblock).toBe(required);
    expect(Object.keys(required.rules).sort()).toEqual([...ruleNames].sort());
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = plugin.rules[name];

  it('has docs, a test file and a README row', () => {
    expect(existsSync(path.join(repoRoot, 'docs', 'rules', `${name}.md`))).toBe(true);
    expect(existsSync(path.join(repoRoot, 'tests', 'rules', `${name}.test.ts`))).toBe(true);
    expect(readme).toContain(`[\`unblock/${name}\`](docs/rules/${name}.md)`);
  });

  it('is in configs.all, and in configs.recommended exactly when its docs say so', () => {
    expect(plugin.configs.all.rules?.[`unblock/${name}`]).toBe('error');
    const recommended = rule.meta.docs?.recommended === true;
    expect(plugin.configs.recommended.rules?.[`unblock/${name}`] !== undefined).toBe(recommended);
  });

  it('declares meta the way typescript-eslint rules do', () => {
    expect(rule.meta.docs?.description).toMatch(/^Disallow /);
    expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}${name}.md`);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(Array.isArray(rule.meta.defaultOptions)).toBe(true);
    expect(Array.isArray(rule.meta.schema)).toBe(true);
  });

  it('describes every option in its schema', () => {
    const schemas = rule.meta.schema as unknown as Array<{ properties?: Record<string, { description?: string }> }>;
    for (const schema of schemas) {
      for (const [option, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description, `${name} option ${option}`).toBeTruthy();
      }
    }
  });

  it('has a suggestion flag exactly when a message is a suggestion', () => {
    const suggests = Object.keys(rule.meta.messages).some((id) => id.startsWith('suggest'));
    expect(rule.meta.hasSuggestions === true).toBe(suggests);
  });

  it('is listed in the README rules table with its description', () => {
    const row = readme.split('\n').find((line) => line.includes(`unblock/${name}\``));
    expect(row).toContain(rule.meta.docs?.description);
  });
});

describe('package.json', () => {
  it('is ESM with types listed first in exports', () => {
    expect(packageJson.type).toBe('module');
    for (const target of Object.values(packageJson.exports)) {
      if (typeof target === 'object') expect(Object.keys(target)[0]).toBe('types');
    }
  });

  it('has the unblock bin, the Node floor and the ESLint peer range', () => {
    expect(Object.keys(packageJson.bin)).toEqual(['unblock']);
    expect(packageJson.engines.node).toBe('>=20.19');
    expect(packageJson.peerDependencies.eslint).toBe('^9.0.0 || ^10.0.0');
  });

  it('README quick start is the demo and the test command', () => {
    const quickStart = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
    const commands = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1]?.trim().split('\n');
    expect(commands).toEqual(['npm run demo', 'npm test']);
  });
});
