import { audit } from './audit.js';

export async function check(password) {
  return audit(password).toString('hex');
}
