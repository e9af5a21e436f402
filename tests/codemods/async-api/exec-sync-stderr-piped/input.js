import { execSync } from 'node:child_process';

export async function quietVersion() {
  const out = execSync('node --version', { stdio: 'pipe', encoding: 'utf8' });
  const raw = execSync('node -p 1', { stdio: ['pipe', 'pipe', 'ignore'] });
  return out + raw;
}
