import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export async function saveReport(directory, name, report) {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${name}.json`);
  writeFileSync(file, JSON.stringify(report));
  return readFileSync(file, 'utf8');
}
