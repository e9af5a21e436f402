import { execa } from 'execa';

export async function gitStatus(cwd) {
  const { stdout } = await execa('git', ['status', '--short'], { cwd });
  return stdout.split('\n');
}
