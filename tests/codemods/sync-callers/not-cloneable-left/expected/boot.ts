import { compileTemplate, loadTemplate } from './templates.js';

export const layout = compileTemplate('layout');
export const footer = loadTemplate('footer');
