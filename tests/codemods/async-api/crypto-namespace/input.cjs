const crypto = require('crypto');

async function deriveKey(secret, salt) {
  return crypto.scryptSync(secret, salt, 32, { N: 1024 });
}

async function keyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicKey, privateKey, id: crypto.randomUUID() };
}

module.exports = { deriveKey, keyPair };
