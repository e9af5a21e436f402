const { readFileSync, createReadStream } = require('node:fs');

async function readManifest(dir) {
  return readFileSync(`${dir}/manifest.json`, 'utf8');
}

function stream(file) {
  return createReadStream(file);
}

module.exports = { readManifest, stream };
