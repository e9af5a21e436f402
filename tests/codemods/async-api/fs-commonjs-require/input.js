const fs = require('fs');
const path = require('path');

async function listUploads(root) {
  const names = fs.readdirSync(root);
  return names.filter((name) => path.extname(name) === '.png');
}

module.exports = { listUploads };
