/**
 * Loads the catalog.
 */
import { readFile } from 'node:fs/promises';

export async function catalog(file /* path */) {
  // Read the catalog; it may be large.
  const raw = await readFile(file, /* encoding */ 'utf8'); // trailing note
  /* parse */ return JSON.parse(raw);
}
