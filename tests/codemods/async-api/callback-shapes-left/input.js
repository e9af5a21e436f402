import { readFileSync, statSync } from 'node:fs';

export async function shapes(files, sizes, self) {
  const bound = files.map((file) => readFileSync(file), self);
  const lengths = files.forEach((file) => statSync(file));
  sizes.forEach((size) => statSync(size));
  files.forEach(function (file) {
    this.seen.push(readFileSync(file));
  }, self);
  files.forEach(function (file) {
    this.push(statSync(file));
  });
  const nested = files.map((group) => group.map((file) => statSync(file)));
  return { bound, lengths, nested };
}

const byName = new Map();

export async function visit() {
  byName.forEach((file) => readFileSync(file));
}
