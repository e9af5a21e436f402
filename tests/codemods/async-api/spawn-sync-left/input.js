import { spawnSync } from 'node:child_process';

export async function lint(files) {
  const result = spawnSync('eslint', files, { encoding: 'utf8' });
  return result.status === 0;
}
