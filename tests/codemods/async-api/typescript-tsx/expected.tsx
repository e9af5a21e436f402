import { readFile } from 'node:fs/promises';

export async function Page({ slug }: { slug: string }) {
  const body = await readFile(`content/${slug}.md`, 'utf8');
  return <article>{body}</article>;
}
