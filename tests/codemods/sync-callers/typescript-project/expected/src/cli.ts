import { readSettings } from './config.js';

const settings = readSettings(process.argv[2] ?? 'settings.json');
console.log(`port ${settings.port}`);
