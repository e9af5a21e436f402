// Finds `exportName` of the module at `url` inside a worker: no source text is
// sent and nothing is evaluated from a string, only a module import.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ExportNotFunctionError } from '../errors.js';

const modules = new Map<string, Promise<Record<string, unknown>>>();

export async function loadExport(url: string, exportName: string): Promise<(...args: unknown[]) => unknown> {
  let loading = modules.get(url);
  if (loading === undefined) {
    loading = importModule(url);
    modules.set(url, loading);
    // A failed import may succeed later (the file is fixed, a race on first
    // write): do not cache the failure.
    loading.catch(() => modules.delete(url));
  }
  const namespace = await loading;
  const value = namespace[exportName];
  if (typeof value !== 'function') {
    throw new ExportNotFunctionError(url, exportName, value === undefined ? 'not exported' : typeof value);
  }
  return value as (...args: unknown[]) => unknown;
}

async function importModule(url: string): Promise<Record<string, unknown>> {
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    // On Node 20, loaders such as tsx register their ESM hooks in the main
    // thread only, but their require hooks in every thread (the worker
    // inherits the parent's --import/--require). Fall back to require so a
    // `.ts` helper still loads; on newer Node the import above succeeds.
    if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const path = fileURLToPath(url);
    try {
      return createRequire(url)(path) as Record<string, unknown>;
    } catch {
      throw error;
    }
  }
}
