// Whether a codemod may make a sync handler async. Only where the framework turns the handler's
// rejected promise into an error response: elsewhere a rejection escapes as an unhandled
// rejection instead of a 500. What each framework does is data (`errorHandling` in
// analysis/frameworks/frameworks.ts); this file only reads it.

import path from 'node:path';

import type { HandlerInfo } from '../../analysis/frameworks/types.js';
import { expressMajor } from './package-manifest.js';

export type AsyncPolicy =
  /** The framework awaits what the handler returns and handles rejections. */
  | { readonly kind: 'await' }
  /** Express 4 and look-alikes: errors must reach `next`. */
  | { readonly kind: 'next' }
  | { readonly kind: 'refuse'; readonly reason: string };

export function asyncPolicy(handler: HandlerInfo, filePath: string): AsyncPolicy {
  switch (handler.framework.errorHandling) {
    case 'awaits':
      return { kind: 'await' };
    case 'express': {
      const major = expressMajor(path.dirname(path.resolve(filePath)));
      // Express 5 forwards a rejected promise to the error handler; 4 does not.
      return major !== undefined && major >= 5 ? { kind: 'await' } : { kind: 'next' };
    }
    case 'unhandled':
      return {
        kind: 'refuse',
        reason: `${handler.framework.name} does not handle a rejected promise from a handler; make the blocking call async by hand, with the error handling it needs`,
      };
  }
}
