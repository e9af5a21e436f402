import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The long trials: `npm run test:slow` runs them, `npm test` leaves them out so that the edit-test
 * loop stays under two minutes on two CPUs, and CI runs both. Real code fixed and killed mid-write,
 * the demo under load, the install from a clone, and the sync-callers runs that are stopped,
 * repeated and type-checked.
 */
export const SLOW_TESTS = [
  'tests/robustness/**/*.test.ts',
  'tests/e2e/demo.test.ts',
  'tests/e2e/from-a-clone.test.ts',
  'tests/codemods/sync-callers-trials.test.ts',
  'tests/bench/scale.test.ts',
];

/** Tests that mock modules or spy on process: they get fresh modules of their own (see `isolate` below). */
/** Installs from the registry: `npm run test:consumer` (vitest.consumer.config.ts), which CI runs too. */
const CONSUMER_TESTS = ['tests/consumer/**'];

const MOCKING_TESTS = ['tests/cli/fix-big-file.test.ts', 'tests/cli/input-wording.test.ts', 'tests/cli/scan-docs.test.ts', 'tests/codemods/behaviour/async-api-child-process.test.ts'];

export default defineConfig({
  test: {
    // Runtime tests start worker threads and e2e tests spawn the CLI:
    // separate processes keep them from sharing a thread pool with vitest's own workers.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['tests/setup/plain-output.ts'],
    projects: [
      // Loading ESLint, TypeScript and ts-morph again for every file was a third of `npm test`:
      // the fast tests share each worker's modules (their caches are keyed by text and path).
      { extends: true, test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW_TESTS, ...MOCKING_TESTS, ...CONSUMER_TESTS], isolate: false } },
      { extends: true, test: { name: 'fast-isolated', include: MOCKING_TESTS } },
      { extends: true, test: { name: 'slow', include: SLOW_TESTS, exclude: [...configDefaults.exclude, ...CONSUMER_TESTS] } },
    ],
  },
});
