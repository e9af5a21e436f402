import fs from 'node:fs';
import express from 'express';

const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));
const app = express();

function loadSchema() {
  return fs.readFileSync('schema.json', 'utf8');
}

app.listen(config.port, () => {
  console.log(loadSchema().length);
});
