import { execSync } from 'node:child_process';

export async function gitHead() {
  const head = execSync('git rev-parse HEAD');
  return head.toString().trim();
}
