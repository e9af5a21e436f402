import noBlockingInAsync from './no-blocking-in-async.js';
import noBlockingInHandler from './no-blocking-in-handler.js';
import noBusyWait from './no-busy-wait.js';
import noTransitiveBlocking from './no-transitive-blocking.js';
import offloadSelfContained from './offload-self-contained.js';

/** Every rule of the plugin, by name. Adding a rule here adds it to `configs.all` and, if recommended, to `configs.recommended`. */
export const rules = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-blocking-in-handler': noBlockingInHandler,
  'no-busy-wait': noBusyWait,
  'no-transitive-blocking': noTransitiveBlocking,
  'offload-self-contained': offloadSelfContained,
};

export type RuleName = keyof typeof rules;
