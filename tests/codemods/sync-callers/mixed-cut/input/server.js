import { loadTemplate } from './templates.js';

function render(name, title) {
  return loadTemplate(name).replaceAll('{{title}}', title);
}

export async function page(name) {
  return `<main>${render(name, name.toUpperCase())}</main>`;
}
