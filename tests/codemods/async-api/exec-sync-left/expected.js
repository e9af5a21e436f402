import { execSync, execFileSync } from 'node:child_process';

export async function run(command, options, args) {
  execSync(command, options);
  execSync('sort', { input: 'b\na\n' });
  execFileSync('ls', ...args);
  execSync('ls', { stdio: 'inherit' });
  try {
    execSync('false');
  } catch (error) {
    return error.status;
  }
  return null;
}
