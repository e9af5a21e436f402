const childProcess = require('node:child_process');

async function convert(input, output) {
  childProcess.execFileSync('convert', [input, '-resize', '50%', output]);
  const info = childProcess.execFileSync('identify', [output], { encoding: 'utf8' });
  return info.split(' ')[2];
}

module.exports = { convert };
