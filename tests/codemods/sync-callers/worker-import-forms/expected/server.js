import { workerModule } from '@unblock/runtime';
const templatesWorker = workerModule(new URL('./templates.js', import.meta.url));

export async function page(name) {
  const header = await templatesWorker.loadPartial('header');
  return (await templatesWorker.default('main')).replace('{{content}}', header + await templatesWorker.loadPage(name));
}
