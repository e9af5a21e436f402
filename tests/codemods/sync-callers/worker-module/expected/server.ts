import { workerModule } from '@unblock/runtime';
const templatesWorker = workerModule<typeof import('./templates.js')>(new URL('./templates.js', import.meta.url));

export async function page(name: string): Promise<string> {
  const body = await templatesWorker.loadTemplate(name);
  return `<main>${body}</main>`;
}
