const execa = require('execa');

async function build() {
  const result = await execa('npm', ['run', 'build']);
  return result.exitCode;
}

module.exports = { build };
