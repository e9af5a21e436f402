const execa = require('execa');

async function build() {
  const result = execa.sync('npm', ['run', 'build']);
  return result.exitCode;
}

module.exports = { build };
