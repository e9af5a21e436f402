import { pbkdf2Sync, timingSafeEqual } from 'node:crypto';

/** PBKDF2-SHA512 at OWASP's recommended 210,000 iterations: tens of milliseconds per call. */
export function hashPassword(password, salt, iterations) {
  return pbkdf2Sync(password, salt, iterations, 64, 'sha512');
}

export function verifyPassword(password, salt, expected, iterations) {
  return timingSafeEqual(hashPassword(password, salt, iterations), expected);
}
