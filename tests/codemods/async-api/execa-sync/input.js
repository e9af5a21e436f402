import { execaSync } from 'execa';

export async function gitStatus(cwd) {
  const { stdout } = execaSync('git', ['status', '--short'], { cwd });
  return stdout.split('\n');
}
