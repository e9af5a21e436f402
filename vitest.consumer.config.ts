import { defineConfig } from 'vitest/config';

// `npm run test:consumer`: the packed packages installed from the registry into fresh projects
// (tests/consumer). Apart from `npm test` because it needs the network; CI runs both.
export default defineConfig({
  test: {
    include: ['tests/consumer/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 600_000,
    setupFiles: ['tests/setup/plain-output.ts'],
  },
});
