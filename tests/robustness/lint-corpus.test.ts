import { expect, it } from 'vitest';

import { nodeModulesSources, sample } from '../../scripts/robustness/corpus.js';
import { lintCorpus } from '../../scripts/robustness/lint-corpus.js';

// The full run (every installed package, thousands of files) is `npm run robustness`; CI lints
// a spread-out sample so that a crash on unusual real-world syntax still fails the build.
it('lints a sample of real node_modules sources with configs.all and no rule crashes', async () => {
  const files = sample(await nodeModulesSources(), 600);
  expect(files.length).toBeGreaterThanOrEqual(600);
  const report = lintCorpus(files);
  expect(report.crashes).toEqual([]);
  expect(report.unparsable).toBeLessThan(files.length / 10);
}, 180_000);
