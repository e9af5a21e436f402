import { pbkdf2Sync, scryptSync, randomBytes } from 'node:crypto';

export async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = pbkdf2Sync(password, salt, 100000, 64, 'sha512');
  return { salt, key };
}

export async function verify(password, salt, expected) {
  const key = pbkdf2Sync(password, salt, 100000, 64, 'sha512');
  const derived = scryptSync(password, salt, 64);
  return key.equals(expected) && derived.length === 64;
}
