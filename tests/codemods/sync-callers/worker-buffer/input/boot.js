import { archive, gzipNamed } from './lib/archive.js';
import { hashPassword } from './lib/passwords.js';

// Start-up code: computed once, before anything is served. Both helpers stay sync for it.
export const adminHash = hashPassword('admin', 'boot-salt', 1000);
export const manifest = archive(new URL('./data/manifest.txt', import.meta.url).pathname);
export const daily = gzipNamed('daily');
