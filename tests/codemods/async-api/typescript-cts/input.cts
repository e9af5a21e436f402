import fs = require('node:fs');
const { scryptSync } = require('node:crypto') as typeof import('node:crypto');

export async function derive(password: string, file: string): Promise<Buffer> {
  const salt = fs.readFileSync(file);
  return scryptSync(password, salt, 32);
}
