// The async-api codemod: blocking calls in async functions and request
// handlers become their async forms (see README.md). Usable as `unblock fix
// --codemod async-api` and as a jscodeshift transform:
//
//   npx jscodeshift -t node_modules/unblock/dist/codemods/async-api/transform.js src/

import { runPlanner } from '../engine/run-planner.js';
import type { Codemod } from '../engine/types.js';
import { toJscodeshift } from '../engine/jscodeshift-adapter.js';
import { planFile } from './plan.js';

export const asyncApi: Codemod = {
  name: 'async-api',
  description: 'Blocking fs, child_process, crypto, zlib and npm calls → their async forms, awaited',
  transform: (source, options) => runPlanner(source, options.filePath, planFile),
};

export default toJscodeshift(asyncApi);
