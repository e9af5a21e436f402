import http from 'node:http';
import { readFileSync } from 'node:fs';

http.createServer((req, res) => {
  res.end(readFileSync('index.html'));
}).listen(8080);
