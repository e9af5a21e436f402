const zlib = require('zlib');

async function compress(body) {
  const deflated = zlib.deflateSync(body);
  const brotli = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  return { deflated, brotli };
}

module.exports = { compress };
