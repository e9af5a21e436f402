import { glob } from 'glob';
import fg from 'fast-glob';
import { globby } from 'globby';

export async function sources(root) {
  const a = await glob('**/*.js', { cwd: root });
  const b = await fg.async(['**/*.ts'], { cwd: root });
  const c = await globby('**/*.md', { cwd: root });
  return [...a, ...b, ...c];
}
