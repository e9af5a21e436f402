import * as fs from 'node:fs';

export async function copyConfig(from, to) {
  const text = fs.readFileSync(from, 'utf8');
  fs.writeFileSync(to, text.trim() + '\n');
  fs.unlinkSync(from);
}
