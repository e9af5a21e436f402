const zlib = require('zlib');
const { promisify: toPromise } = require('util');
const gzipAsync2 = toPromise(zlib.gzip);

const gzipAsync = 'taken';
const stdoutOf = 'taken too';

async function pack(body) {
  console.log(gzipAsync, stdoutOf);
  const deflate = toPromise(zlib.deflate);
  return Buffer.concat([await gzipAsync2(body), await deflate(body)]);
}

module.exports = { pack };
