import { workerModule } from '@unblock/runtime';
const settingsWorker = workerModule(new URL('./settings.js', import.meta.url));

export async function current() {
  return await settingsWorker.readSettings('settings.txt');
}
