const { readFileSync } = require('fs');

async function loadUser(id) {
  const user = JSON.parse(readFileSync(`users/${id}.json`, 'utf8'));
  return { ...user, config: JSON.parse(readFileSync('config.json')) };
}

module.exports = { loadUser };
