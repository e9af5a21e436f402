import fs from 'node:fs';

export async function readAll(files) {
  return files.map(fs.readFileSync);
}

export async function statAll(files) {
  return fs.statSync.call(fs, files[0]);
}
