import { workerModule } from '@unblock/runtime';
const templatesWorker = workerModule(new URL('./templates.js', import.meta.url));

async function render(name, title) {
  return (await templatesWorker.loadTemplate(name)).replaceAll('{{title}}', title);
}

export async function page(name) {
  return `<main>${await render(name, name.toUpperCase())}</main>`;
}
