import { readSettings, type Settings } from './config.js';

function hostCount(settings: Settings): number {
  return settings.hosts.length;
}

export class Service {
  async describe(file: string): Promise<string> {
    const settings = readSettings(file);
    return `${settings.port}: ${hostCount(settings)} hosts`;
  }
}
