import { render } from './render.js';

export async function handle(name: string): Promise<string> {
  const page = render(name, { title: 'Home' });
  return `<!doctype html>${page}`;
}
