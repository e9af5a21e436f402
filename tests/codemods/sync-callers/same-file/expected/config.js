import { readFile } from 'node:fs/promises';

async function loadConfig(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

export async function port() {
  return (await loadConfig('config.json')).port;
}

export async function host() {
  const config = await loadConfig('config.json');
  return config.host;
}
