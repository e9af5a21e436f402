/**
 * Loads the catalog.
 */
import { readFileSync /* sync on purpose? no */ } from 'node:fs';

export async function catalog(file /* path */) {
  // Read the catalog; it may be large.
  const raw = readFileSync(file, /* encoding */ 'utf8'); // trailing note
  /* parse */ return JSON.parse(raw);
}
