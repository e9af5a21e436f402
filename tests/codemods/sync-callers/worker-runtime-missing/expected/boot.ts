import { loadTemplate } from './templates.js';

// Start-up: reads the layout once, before serving.
export const layout = loadTemplate('layout');
