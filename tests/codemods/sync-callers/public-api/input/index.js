export { readSettings } from './settings.js';
export { current } from './service.js';
