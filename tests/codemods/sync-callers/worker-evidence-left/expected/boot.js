import { audit } from './audit.js';

export const seed = audit('seed');
