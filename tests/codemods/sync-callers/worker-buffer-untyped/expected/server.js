import { readJson } from './lib/digest.js';
import { workerModule } from '@unblock/runtime';
const digestWorker = workerModule(new URL('./lib/digest.js', import.meta.url));

export async function etag() {
  return (await digestWorker.fingerprint('v2')).toString('hex');
}

export async function logo() {
  return await digestWorker.rawBytes('logo.png');
}

export async function about() {
  return await digestWorker.readText('about.txt');
}

export async function settings() {
  return readJson('settings.json');
}
