import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export function loadTemplate(name) {
  return readFileSync(`views/${name}.html`, 'utf8');
}

async function loadConfig() {
  return JSON.parse(await readFile('config.json', 'utf8'));
}

export async function port() {
  return (await loadConfig()).port;
}
