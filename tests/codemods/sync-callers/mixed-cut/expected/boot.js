import { loadTemplate } from './templates.js';

export const layout = loadTemplate('layout');
