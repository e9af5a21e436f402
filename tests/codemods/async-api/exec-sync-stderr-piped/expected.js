import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
const stdoutOf = (pending, echoStderr = true) => {
  pending.child.stdin?.end();
  return pending.then(
    (result) => {
      if (echoStderr) process.stderr.write(result.stderr);
      return result.stdout;
    },
    (error) => {
      if (echoStderr && error.stderr) process.stderr.write(error.stderr);
      throw error;
    },
  );
};

export async function quietVersion() {
  const out = await stdoutOf(execAsync('node --version', { stdio: 'pipe', encoding: 'utf8' }), false);
  const raw = await stdoutOf(execAsync('node -p 1', { encoding: 'buffer', stdio: ['pipe', 'pipe', 'ignore'] }), false);
  return out + raw;
}
