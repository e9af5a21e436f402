import { loadTemplate } from './templates.js';

export async function page(name) {
  return loadTemplate(name);
}
