const childProcess = require('node:child_process');
const { promisify } = require('node:util');
const execFileAsync = promisify(childProcess.execFile);
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

async function convert(input, output) {
  await stdoutOf(execFileAsync('convert', [input, '-resize', '50%', output], { encoding: 'buffer' }));
  const info = await stdoutOf(execFileAsync('identify', [output], { encoding: 'utf8' }));
  return info.split(' ')[2];
}

module.exports = { convert };
