import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Installs from the registry: `npm run test:consumer` (vitest.consumer.config.ts), which CI runs too.
    exclude: [...configDefaults.exclude, 'tests/consumer/**'],
    // Runtime tests start worker threads and e2e tests spawn the CLI:
    // separate processes keep them from sharing a thread pool with vitest's own workers.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['tests/setup/plain-output.ts'],
  },
});
