import { pbkdf2Sync, timingSafeEqual } from 'node:crypto';

// No types: what `hashPassword` returns is what pbkdf2Sync returns (a Buffer), and each parameter
// goes straight to pbkdf2Sync, which takes text or bytes and a number.
export function hashPassword(password, salt, iterations) {
  return pbkdf2Sync(password, salt, iterations, 32, 'sha256');
}

export function verifyPassword(password, salt, expected, iterations) {
  return timingSafeEqual(hashPassword(password, salt, iterations), expected);
}
