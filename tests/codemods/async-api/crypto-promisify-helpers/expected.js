import { randomBytes, pbkdf2, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt);

export async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await pbkdf2Async(password, salt, 100000, 64, 'sha512');
  return { salt, key };
}

export async function verify(password, salt, expected) {
  const key = await pbkdf2Async(password, salt, 100000, 64, 'sha512');
  const derived = await scryptAsync(password, salt, 64);
  return key.equals(expected) && derived.length === 64;
}
