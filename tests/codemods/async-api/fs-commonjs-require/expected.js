const { readdir } = require('fs/promises');
const path = require('path');

async function listUploads(root) {
  const names = await readdir(root);
  return names.filter((name) => path.extname(name) === '.png');
}

module.exports = { listUploads };
