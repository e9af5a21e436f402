import { readFileSync } from 'node:fs';

export function loadTemplate(name) {
  return readFileSync(`views/${name}.html`, 'utf8');
}

function loadConfig() {
  return JSON.parse(readFileSync('config.json', 'utf8'));
}

export async function port() {
  return loadConfig().port;
}
