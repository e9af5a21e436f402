import { type Settings } from './config.js';
import { workerModule } from '@unblock/runtime';
const configWorker = workerModule<typeof import('./config.js')>(new URL('./config.js', import.meta.url));

function hostCount(settings: Settings): number {
  return settings.hosts.length;
}

export class Service {
  async describe(file: string): Promise<string> {
    const settings = await configWorker.readSettings(file);
    return `${settings.port}: ${hostCount(settings)} hosts`;
  }
}
