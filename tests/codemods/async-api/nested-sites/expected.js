import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, access } from 'node:fs/promises';
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

export async function runScript(file) {
  const output = await stdoutOf(execAsync(await readFile(file, 'utf8'), { encoding: 'utf8' }));
  return await access((await readFile(`${file}.out`, 'utf8')).trim()).then(() => true, () => false) ? output : '';
}
