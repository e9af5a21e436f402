import { readSettings } from './settings.js';

export async function current() {
  return readSettings('settings.txt');
}
