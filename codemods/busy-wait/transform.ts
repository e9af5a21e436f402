// The busy-wait codemod: synchronous sleeps and spin loops in async functions
// and request handlers become `await setTimeout(ms)` (see README.md). Usable as
// `unblock fix --codemod busy-wait` and as a jscodeshift transform.

import { toJscodeshift } from '../engine/jscodeshift-adapter.js';
import { runPlanner } from '../engine/run-planner.js';
import type { Codemod } from '../engine/types.js';
import { planFile } from './plan.js';

export const busyWait: Codemod = {
  name: 'busy-wait',
  description: 'Atomics.wait sleeps, spin loops and sleep packages → await setTimeout(ms) from node:timers/promises',
  transform: (source, options) => runPlanner(source, options.filePath, planFile),
};

export default toJscodeshift(busyWait);
