import layout, { loadPartial as partial } from './templates.js';
import * as templates from './templates.js';

export async function page(name) {
  const header = partial('header');
  return layout('main').replace('{{content}}', header + templates.loadPage(name));
}
