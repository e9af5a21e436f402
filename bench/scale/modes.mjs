// The ways the scale bench runs the CLI on a tree. Each mode says which options it needs; a mode
// whose options the build lacks is reported as n/a, not run. `scan (1 thread)` is the baseline of
// every other mode on the same tree: with `--concurrency off` where the build has it, and plain
// `scan` (one thread, before issue 14) where it does not.
//
// `args(ctx, options)` gives the CLI's arguments; ctx is `{ cacheDir, output }`, options the
// command's long options (flags.mjs). A scan writes its JSON report to stdout, which the runner
// sends to `output`; fix writes its report to `output` itself and its diff to stdout, which is
// dropped. `freshCache` empties the cache directory before the run: the cold run fills it, the
// warm run straight after it reads it.

export const BASELINE = 'scan (1 thread)';

export const MODES = [
  {
    name: BASELINE,
    command: 'scan',
    needs: [],
    args: (_ctx, options) => ['scan', ...(options.has('--concurrency') ? ['--concurrency', 'off'] : []), '--format', 'json', '.'],
  },
  {
    name: 'scan --concurrency auto',
    command: 'scan',
    needs: ['--concurrency'],
    args: () => ['scan', '--concurrency', 'auto', '--format', 'json', '.'],
  },
  {
    name: 'scan --cache, cold',
    command: 'scan',
    needs: ['--cache', '--cache-location'],
    freshCache: true,
    args: ({ cacheDir }) => ['scan', '--cache', '--cache-location', cacheDir, '--format', 'json', '.'],
  },
  {
    // Straight after the cold run, nothing changed: what a second CI run on the same commit pays.
    name: 'scan --cache, warm',
    command: 'scan',
    needs: ['--cache', '--cache-location'],
    args: ({ cacheDir }) => ['scan', '--cache', '--cache-location', cacheDir, '--format', 'json', '.'],
  },
  {
    name: 'fix --dry',
    command: 'fix',
    needs: ['--dry', '--json'],
    args: ({ output }) => ['fix', '--dry', '--json', output, '.'],
  },
];
