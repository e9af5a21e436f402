const zlib = require('zlib');
const { promisify } = require('util');
const deflateAsync = promisify(zlib.deflate);
const brotliCompressAsync = promisify(zlib.brotliCompress);

async function compress(body) {
  const deflated = await deflateAsync(body);
  const brotli = await brotliCompressAsync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  return { deflated, brotli };
}

module.exports = { compress };
