import { loadTemplate } from './templates.js';

export async function renderHome(user) {
  const template = await loadTemplate('home');
  return template.replace('{{user}}', user);
}

export async function renderAll(names) {
  return await Promise.all(names.map(async (name) => await loadTemplate(name)));
}
