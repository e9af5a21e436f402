const { hash: hashAsync, genSalt, compare } = require('bcryptjs');

async function register(password) {
  return await hashAsync(password, await genSalt(10));
}

async function check(password, hash) {
  if (!await compare(password, hash)) throw new Error('wrong password');
}

module.exports = { register, check };
