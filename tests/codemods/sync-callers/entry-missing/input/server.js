import { loadTemplate } from './templates.js';

export async function renderHome(user) {
  const template = loadTemplate('home');
  return template.replace('{{user}}', user);
}

export async function renderAll(names) {
  return names.map((name) => loadTemplate(name));
}
