import { readFileSync } from 'node:fs';

function readConfig() {
  return JSON.parse(readFileSync('config.json', 'utf8'));
}

export async function port() {
  return readConfig().port;
}
