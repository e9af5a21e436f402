import { hkdfSync } from 'node:crypto';
import { inspect } from 'node:util';

export async function subkey(key, info) {
  const derived = hkdfSync('sha256', key, '', info, 32);
  console.log(inspect(derived));
  return derived;
}
