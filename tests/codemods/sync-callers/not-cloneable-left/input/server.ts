import { compileTemplate, loadTemplate } from './templates.js';

export async function page(name: string): Promise<string> {
  const render = compileTemplate(name);
  return render({ title: name });
}

export async function footerFor(name: string): Promise<string> {
  return loadTemplate('footer').render({ name });
}
