import util from 'node:util';
import crypto from 'node:crypto';

export const sleep = util.promisify(setTimeout);

export async function derive(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256');
}
