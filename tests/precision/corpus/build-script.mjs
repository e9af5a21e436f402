// A build script: sync file work in a CLI is what sync APIs are for. Nothing
// here serves requests.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';

const out = path.resolve('dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const version = execSync('git describe --tags').toString().trim();
for (const name of readdirSync('src')) {
  const text = readFileSync(path.join('src', name), 'utf8');
  writeFileSync(path.join(out, name), `/* ${version} */\n${text}`);
}
