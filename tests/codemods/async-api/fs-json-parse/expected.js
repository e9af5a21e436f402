const { readFile } = require('fs/promises');

async function loadUser(id) {
  const user = JSON.parse(await readFile(`users/${id}.json`, 'utf8'));
  return { ...user, config: JSON.parse(await readFile('config.json')) };
}

module.exports = { loadUser };
