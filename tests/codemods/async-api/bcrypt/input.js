import bcrypt from 'bcrypt';

export async function register(password) {
  const hash = bcrypt.hashSync(password, 10);
  return hash;
}

export async function login(password, hash) {
  return bcrypt.compareSync(password, hash);
}
