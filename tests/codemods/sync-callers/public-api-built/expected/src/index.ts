export { loadConfig, type Config } from './config.js';
export { watch } from './watch.js';
