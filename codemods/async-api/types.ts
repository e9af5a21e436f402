// The shapes async-api's planners share: what a call rewrite builds, and what a planner is
// given. In a file of their own so that call-rewrite.ts and child-process.ts, which plan
// different calls, can both use them without importing each other.

import type { PlacementEnv } from '../engine/await-placement.js';
import type { ImportPlan } from '../engine/imports.js';
import type { Rewriter } from '../engine/rewriter.js';

export interface CallRewrite {
  /** The new callee. */
  readonly callee: string;
  /** Text inside the `await`, before the call (`Array.fromAsync(`). */
  readonly before?: string;
  /** Text inside the `await`, after the call (`.then(() => true, () => false)`). */
  readonly after?: string;
  /** Edits inside the argument list (`{ encoding: 'buffer' }`), made as insertions so that rewrites of the arguments themselves still apply. */
  readonly edit?: (rewriter: Rewriter) => void;
}

export type CallPlan = { readonly ok: true; readonly build: () => CallRewrite } | { readonly ok: false; readonly reason: string };

export interface CallEnv extends PlacementEnv {
  readonly imports: ImportPlan;
}
