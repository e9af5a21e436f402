const zlib = require('zlib');
const { promisify: toPromise } = require('util');

const gzipAsync = 'taken';
const stdoutOf = 'taken too';

async function pack(body) {
  console.log(gzipAsync, stdoutOf);
  const deflate = toPromise(zlib.deflate);
  return Buffer.concat([zlib.gzipSync(body), await deflate(body)]);
}

module.exports = { pack };
