import { readFileSync } from 'node:fs';

export class Store {
  async load(key) {
    return { key, read: () => readFileSync(key) };
  }

  async params(file = readFileSync('default.txt', 'utf8')) {
    return file;
  }
}
