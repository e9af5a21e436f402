import { readFileSync as read, writeFileSync as write } from 'fs';

export async function append(file, line) {
  write(file, read(file, 'utf8') + line);
}
