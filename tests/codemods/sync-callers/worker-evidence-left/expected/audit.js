import { pbkdf2Sync } from 'node:crypto';

// `password` goes to pbkdf2Sync, but also into an object that is logged: nothing says what it is.
export function audit(password) {
  console.log({ password });
  return pbkdf2Sync(password, 'salt', 1000, 16, 'sha256');
}
