// Runs a small ES module service before and after the sync-callers codemod and compares what it
// prints. One helper only async code calls becomes async (with its callers, a recursive one
// among them); one that start-up code also calls stays sync and runs in a worker through the real
// @unblock/runtime for its async callers. The runtime resolves from the repository's node_modules,
// linked into the project's folder.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FileResult } from '../../../codemods/engine/types.js';
import { transformProgram } from '../../../codemods/sync-callers/transform.js';
import { repoRoot } from '../../helpers/lint.js';

const PROJECT: Readonly<Record<string, string>> = {
  'package.json': '{\n  "private": true,\n  "type": "module",\n  "dependencies": { "@unblock/runtime": "0.1.0" }\n}\n',
  'views/layout.html': '<body>{{content}}</body>',
  'views/home.html': '<h1>{{title}}</h1>',
  'views/about.html': '<p>About {{title}}</p>',
  'data/a.txt': 'alpha',
  'data/nested/b.txt': 'beta beta',
  'settings.json': '{ "greeting": "hello", "limit": 3 }',
  'templates.js': `import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} name
 * @returns {string}
 */
export function loadTemplate(name) {
  return readFileSync(path.join(import.meta.dirname, 'views', \`\${name}.html\`), 'utf8');
}
`,
  'boot.js': `import { loadTemplate } from './templates.js';

// Start-up code: read once, before anything is served.
export const layout = loadTemplate('layout');
`,
  'settings.js': `import { readFileSync } from 'node:fs';
import path from 'node:path';

function readSettings() {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'settings.json'), 'utf8'));
}

function totalSize(directory) {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    total += entry.isDirectory() ? totalSize(full) : statSync(full).size;
  }
  return total;
}

export async function greeting(name) {
  return \`\${readSettings().greeting}, \${name}\`;
}

export async function usage() {
  return { bytes: totalSize(path.join(import.meta.dirname, 'data')), limit: readSettings().limit };
}

import { readdirSync, statSync } from 'node:fs';
`,
  'pages.js': `import { layout } from './boot.js';
import { loadTemplate } from './templates.js';

function render(name, title) {
  return layout.replace('{{content}}', loadTemplate(name).replaceAll('{{title}}', title));
}

export async function page(name) {
  return render(name, name.toUpperCase());
}

export async function pages(names) {
  return names.map((name) => loadTemplate(name).length);
}
`,
  'main.js': `import { page, pages } from './pages.js';
import { greeting, usage } from './settings.js';

const results = [];
for (const name of ['home', 'about']) results.push(await page(name));
results.push(await pages(['home', 'about', 'layout']));
results.push(await greeting('Ada'));
results.push(await usage());
try {
  await page('missing');
} catch (error) {
  results.push(error instanceof Error ? error.message.replace(/'[^']*missing.html'/, "'missing.html'") : String(error));
}
console.log(JSON.stringify(results));
`,
};

const SCRIPTS = Object.keys(PROJECT).filter((file) => file.endsWith('.js'));

const root = mkdtempSync(path.join(tmpdir(), 'unblock-sync-callers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeProject(directory: string, texts: Readonly<Record<string, string>>): void {
  for (const [file, text] of Object.entries(texts)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }
  // @unblock/runtime and @types/node, as an installed project would have them.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
}

const run = (directory: string): string => execFileSync(process.execPath, ['main.js'], { cwd: directory, encoding: 'utf8', timeout: 20_000 });

const before = path.join(root, 'before');
const after = path.join(root, 'after');
let results: Map<string, FileResult>;

beforeAll(() => {
  writeProject(before, PROJECT);
  ({ results } = transformProgram({ files: SCRIPTS.map((file) => path.join(before, file)), root: before }));
  const rewritten: Record<string, string> = {};
  for (const [file, text] of Object.entries(PROJECT)) rewritten[file] = results.get(path.join(before, file))?.output ?? text;
  writeProject(after, rewritten);
  cpSync(path.join(before, 'package.json'), path.join(after, 'package.json'));
});

const output = (file: string): string => readFileSync(path.join(after, file), 'utf8');

describe('sync-callers on a running service', () => {
  it('fixes every reported call and leaves none', () => {
    for (const file of SCRIPTS) {
      const result = results.get(path.join(before, file))!;
      expect(result.error, file).toBeUndefined();
      expect(result.left, file).toEqual([]);
    }
    const fixed = SCRIPTS.flatMap((file) => results.get(path.join(before, file))!.fixed.map((site) => `${file}:${site.line} ${site.api}`));
    expect(fixed.sort()).toEqual(['pages.js:13 loadTemplate', 'pages.js:9 render', 'settings.js:18 readSettings', 'settings.js:22 readSettings', 'settings.js:22 totalSize']);
  });

  it('makes the helpers only async code calls async, and sends the shared one to a worker', () => {
    expect(output('settings.js')).toContain('async function readSettings()');
    expect(output('settings.js')).toContain('async function totalSize(directory)');
    expect(output('pages.js')).toContain("import { workerModule } from '@unblock/runtime';");
    expect(output('pages.js')).toContain("workerModule(new URL('./templates.js', import.meta.url))");
    expect(output('pages.js')).toContain('async function render(name, title)');
    // Start-up code keeps its sync helper.
    expect(output('templates.js')).toBe(PROJECT['templates.js']);
    expect(output('boot.js')).toBe(PROJECT['boot.js']);
  });

  it('prints the same before and after', () => {
    const expected = run(before);
    expect(JSON.parse(expected)).toHaveLength(6);
    expect(run(after)).toBe(expected);
  });
});
