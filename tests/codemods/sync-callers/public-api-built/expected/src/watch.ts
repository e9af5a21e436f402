import { loadConfig } from './config.js';

export async function watch(file: string, key: string): Promise<string | undefined> {
  const config = loadConfig(file);
  return config.get(key);
}
