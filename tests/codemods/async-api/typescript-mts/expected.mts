import * as zlib from 'node:zlib';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
const stdoutOf = <T extends { stdout: unknown; stderr: string | Uint8Array }>(
  pending: Promise<T> & { child: { stdin: { end(): void } | null } },
  echoStderr = true,
): Promise<T['stdout']> => {
  pending.child.stdin?.end();
  return pending.then(
    (result) => {
      if (echoStderr) process.stderr.write(result.stderr);
      return result.stdout;
    },
    (error: { stderr?: string | Uint8Array }) => {
      if (echoStderr && error.stderr) process.stderr.write(error.stderr);
      throw error;
    },
  );
};
const gzipAsync = promisify(zlib.gzip);

export async function pack(input: Buffer): Promise<Buffer> {
  const version: string = await stdoutOf(execAsync('git describe --tags', { encoding: 'utf8' }));
  const head: Buffer = await stdoutOf(execAsync('git rev-parse HEAD', { encoding: 'buffer' }));
  return Buffer.concat([await gzipAsync(input), Buffer.from(version), head]);
}
