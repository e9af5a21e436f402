import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Runtime tests start worker threads and e2e tests spawn the CLI:
    // separate processes keep them from sharing a thread pool with vitest's own workers.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['tests/setup/plain-output.ts'],
  },
});
