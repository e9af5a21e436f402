import { readFileSync } from 'node:fs';

export function readSettings(file) {
  return readFileSync(file, 'utf8').trim();
}
