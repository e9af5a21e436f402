import { loadTemplate } from './templates.js';

export async function page(name: string): Promise<string> {
  const body = loadTemplate(name);
  return `<main>${body}</main>`;
}
