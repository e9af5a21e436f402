import { globSync } from 'glob';
import fg from 'fast-glob';
import { globbySync } from 'globby';

export async function sources(root) {
  const a = globSync('**/*.js', { cwd: root });
  const b = fg.sync(['**/*.ts'], { cwd: root });
  const c = globbySync('**/*.md', { cwd: root });
  return [...a, ...b, ...c];
}
