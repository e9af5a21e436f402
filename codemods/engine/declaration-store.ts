// What one whole-program codemod run lends the next in `unblock fix`: the fix cuts its program
// into batches that share no import (cli/fix/program-batches.ts), and each batch is a program of
// its own. Without a store, each would parse and bind TypeScript's library declarations and the
// installed packages' types again. See ProgramOptions.declarations.

/** Opaque to callers: the codemod keeps what it lends under it, and the run drops it when done. */
export interface DeclarationStore {
  readonly kind: 'declaration-store';
}

export function createDeclarationStore(): DeclarationStore {
  return { kind: 'declaration-store' };
}
