import { hkdf } from 'node:crypto';
import { inspect, promisify } from 'node:util';
const hkdfAsync = promisify(hkdf);

export async function subkey(key, info) {
  const derived = await hkdfAsync('sha256', key, '', info, 32);
  console.log(inspect(derived));
  return derived;
}
