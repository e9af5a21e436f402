// Several requires in one statement, one of them left unused by the rewrite: it goes with its comma,
// wherever it stands, and the others stay as they were.
const path = require('path'),
  zlib = require('zlib');
const os = require('os');
const { promisify } = require('util');
const { readFile, stat } = require('fs/promises');
const gunzipAsync = promisify(zlib.gunzip);

exports.read = async (file) => await gunzipAsync(await readFile(path.join(os.tmpdir(), file)));
exports.size = async (file) => (await stat(file)).size;
