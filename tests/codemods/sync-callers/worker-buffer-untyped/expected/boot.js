import { fingerprint, rawBytes, readJson, readText } from './lib/digest.js';

export const release = fingerprint('v1');
export const banner = rawBytes('banner.txt');
export const notes = readText('notes.txt');
export const settings = readJson('settings.json');
