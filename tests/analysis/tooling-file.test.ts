// Which files serve no requests by where they live in their package (analysis/tooling-file.ts).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { isToolingFile } from '../../analysis/tooling-file.js';

const root = mkdtempSync(path.join(tmpdir(), 'unblock-tooling-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// A service, and a package of its own that lives inside a `tests/` folder of the repository.
for (const directory of ['service', path.join('repo', 'tests', 'service')]) {
  mkdirSync(path.join(root, directory), { recursive: true });
  writeFileSync(path.join(root, directory, 'package.json'), '{}');
}
const service = (...parts: string[]): string => path.join(root, 'service', ...parts);

describe('isToolingFile', () => {
  it.each([
    ['bin/cli.js'],
    ['scripts/seed.mjs'],
    ['tools/release.ts'],
    ['test/routes.js'],
    ['tests/helpers/db.js'],
    ['src/__tests__/users.js'],
    ['e2e/login.ts'],
    ['src/fixtures/data.js'],
    ['src/routes/users.test.js'],
    ['src/routes/users.spec.ts'],
  ])('%s is tooling', (file) => {
    expect(isToolingFile(service(file))).toBe(true);
  });

  it.each([['src/routes/users.js'], ['src/tests.js'], ['lib/testing.js'], ['server.js'], ['src/scripts.js']])('%s serves', (file) => {
    expect(isToolingFile(service(file))).toBe(false);
  });

  it('counts only the directories below the nearest package.json', () => {
    expect(isToolingFile(path.join(root, 'repo', 'tests', 'service', 'src', 'routes.js'))).toBe(false);
    expect(isToolingFile(path.join(root, 'repo', 'tests', 'service', 'scripts', 'seed.js'))).toBe(true);
  });
});
