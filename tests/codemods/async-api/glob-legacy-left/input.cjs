const glob = require('glob');
const rimraf = require('rimraf');

async function clean(root) {
  for (const file of glob.sync('**/*.tmp', { cwd: root })) {
    rimraf.sync(file);
  }
}

module.exports = { clean };
