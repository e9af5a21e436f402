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

export async function gitHead() {
  const head = await stdoutOf(execAsync('git rev-parse HEAD', { encoding: 'buffer' }));
  return head.toString().trim();
}
