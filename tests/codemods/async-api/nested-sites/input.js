import { execSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

export async function runScript(file) {
  const output = execSync(readFileSync(file, 'utf8'), { encoding: 'utf8' });
  return existsSync(readFileSync(`${file}.out`, 'utf8').trim()) ? output : '';
}
