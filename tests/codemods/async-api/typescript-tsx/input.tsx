import { readFileSync } from 'node:fs';

export async function Page({ slug }: { slug: string }) {
  const body = readFileSync(`content/${slug}.md`, 'utf8');
  return <article>{body}</article>;
}
