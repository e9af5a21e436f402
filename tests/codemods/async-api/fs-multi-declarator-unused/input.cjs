// Several requires in one statement, one of them left unused by the rewrite: it goes with its comma,
// wherever it stands, and the others stay as they were.
const path = require('path'),
  fs = require('fs'),
  zlib = require('zlib');
const os = require('os'), fsSync = require('fs');

exports.read = async (file) => zlib.gunzipSync(fs.readFileSync(path.join(os.tmpdir(), file)));
exports.size = async (file) => fsSync.statSync(file).size;
