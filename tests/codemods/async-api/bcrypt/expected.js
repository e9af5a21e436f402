import bcrypt from 'bcrypt';

export async function register(password) {
  const hash = await bcrypt.hash(password, 10);
  return hash;
}

export async function login(password, hash) {
  return await bcrypt.compare(password, hash);
}
