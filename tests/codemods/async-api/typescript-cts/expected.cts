import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
const { scrypt } = require('node:crypto') as typeof import('node:crypto');
const scryptAsync = promisify(scrypt) as (...args: Parameters<typeof import('node:crypto').scryptSync>) => Promise<ReturnType<typeof import('node:crypto').scryptSync>>;

export async function derive(password: string, file: string): Promise<Buffer> {
  const salt = await readFile(file);
  return await scryptAsync(password, salt, 32);
}
