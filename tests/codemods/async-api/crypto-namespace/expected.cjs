const crypto = require('crypto');
const { promisify } = require('util');
const scryptAsync = promisify(crypto.scrypt);
const generateKeyPairAsync = promisify(crypto.generateKeyPair);

async function deriveKey(secret, salt) {
  return await scryptAsync(secret, salt, 32, { N: 1024 });
}

async function keyPair() {
  const { publicKey, privateKey } = await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
  return { publicKey, privateKey, id: crypto.randomUUID() };
}

module.exports = { deriveKey, keyPair };
