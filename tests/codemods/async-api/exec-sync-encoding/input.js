import { execSync } from 'node:child_process';

export async function branch(cwd) {
  return execSync('git branch --show-current', { cwd, encoding: 'utf8' }).trim();
}
