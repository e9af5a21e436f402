const glob = require('glob');
const rimraf = require('rimraf');

async function clean(root) {
  for (const file of await glob.glob('**/*.tmp', { cwd: root })) {
    await rimraf.rimraf(file);
  }
}

module.exports = { clean };
