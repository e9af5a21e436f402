const { createReadStream } = require('node:fs');
const { readFile } = require('node:fs/promises');

async function readManifest(dir) {
  return await readFile(`${dir}/manifest.json`, 'utf8');
}

function stream(file) {
  return createReadStream(file);
}

module.exports = { readManifest, stream };
