import { fingerprint, rawBytes, readJson, readText } from './lib/digest.js';

export async function etag() {
  return fingerprint('v2').toString('hex');
}

export async function logo() {
  return rawBytes('logo.png');
}

export async function about() {
  return readText('about.txt');
}

export async function settings() {
  return readJson('settings.json');
}
