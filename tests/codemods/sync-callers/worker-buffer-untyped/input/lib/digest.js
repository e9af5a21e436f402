import { readFileSync } from 'node:fs';
import { pbkdf2Sync } from 'node:crypto';

// Without @types/node nothing has a type here. The catalog still knows what pbkdf2Sync and
// readFileSync return: a Buffer, or text when given an encoding. What JSON.parse returns, nothing
// says.
export function fingerprint(text) {
  const key = pbkdf2Sync(text, 'pepper', 1000, 16, 'sha256');
  return key;
}

export function rawBytes(file) {
  return readFileSync(file, { flag: 'r' });
}

export function readText(file) {
  return readFileSync(file, 'utf8');
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
