import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Runtime tests start worker threads and e2e tests spawn the CLI:
    // separate processes keep them from sharing a thread pool with vitest's own workers.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // CLI tests read what the CLI prints for people. CI services set CI=true, which turns colours
    // on (codemods/cli/colors.ts); the tests read plain text wherever they run.
    env: { NO_COLOR: '1', FORCE_COLOR: '' },
  },
});
