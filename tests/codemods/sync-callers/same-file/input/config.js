import { readFileSync } from 'node:fs';

function loadConfig(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export async function port() {
  return loadConfig('config.json').port;
}

export async function host() {
  const config = loadConfig('config.json');
  return config.host;
}
