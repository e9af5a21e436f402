import util from 'node:util';
import crypto from 'node:crypto';
const pbkdf2Async = util.promisify(crypto.pbkdf2);

export const sleep = util.promisify(setTimeout);

export async function derive(password, salt) {
  return await pbkdf2Async(password, salt, 1000, 32, 'sha256');
}
