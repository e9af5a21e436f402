import fs from 'node:fs';

export async function head(file, fd) {
  const buffer = Buffer.alloc(16);
  fs.readSync(fd, buffer, 0, 16, 0);
  const stdin = fs.readFileSync(0, 'utf8');
  fs.writeFileSync(fd, 'done');
  fs.fstatSync(fd);
  fs.appendFileSync(process.stdout.fd, 'more');
  const text = fs.readFileSync(fs.openSync(file, 'r'), 'utf8');
  return { buffer, stdin, text };
}
