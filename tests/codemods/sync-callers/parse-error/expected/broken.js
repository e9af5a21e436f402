import { loadTemplate } from './templates.js';

export function preview(name) {
  return loadTemplate(name) +;
}
