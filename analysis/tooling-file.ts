// Files that serve no requests, by where they live in their package: a command-line tool under
// `bin/`, build and maintenance scripts, tests and their fixtures. Blocking there stalls nobody's
// requests (eslint-plugin-n's no-sync reports every one of them); unblock stays quiet. Only the
// directories between the package root (the nearest package.json) and the file count, and the
// `.test.`/`.spec.` names test runners use: a package that itself lives in a `tests/` folder, or
// a file named `tests.js` among the routes, is not tooling.

import path from 'node:path';

import { packageRoot } from './package-root.js';

const TOOLING_DIRECTORIES = new Set(['bin', 'scripts', 'script', 'tools', 'test', 'tests', '__tests__', '__mocks__', 'e2e', 'fixtures', 'spec', 'specs']);
const TEST_FILE = /\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/;

export function isToolingFile(file: string): boolean {
  if (TEST_FILE.test(path.basename(file))) return true;
  const directory = path.dirname(path.resolve(file));
  const root = packageRoot(directory);
  const inside = root === null ? [] : path.relative(root, directory).split(path.sep);
  return inside.some((part) => TOOLING_DIRECTORIES.has(part));
}
