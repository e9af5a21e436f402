const { hashSync, compareSync, genSaltSync } = require('bcryptjs');

async function register(password) {
  return hashSync(password, genSaltSync(10));
}

async function check(password, hash) {
  if (!compareSync(password, hash)) throw new Error('wrong password');
}

module.exports = { register, check };
